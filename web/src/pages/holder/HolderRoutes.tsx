import { Route, Routes } from 'react-router';
import HolderCasePage from './HolderCasePage';
import HolderCasesPage from './HolderCasesPage';

export default function HolderRoutes() {
  return (
    <Routes>
      <Route index element={<HolderCasesPage />} />
      <Route path="cases/:caseId" element={<HolderCasePage />} />
    </Routes>
  );
}
