import { Route, Routes } from 'react-router';
import HolderCasePage from './HolderCasePage';
import HolderCasesPage from './HolderCasesPage';
import HolderMessagesPage from '../messages/HolderMessagesPage';

export default function HolderRoutes() {
  return (
    <Routes>
      <Route index element={<HolderCasesPage />} />
      <Route path="cases/:caseId" element={<HolderCasePage />} />
      <Route path="messages" element={<HolderMessagesPage />} />
    </Routes>
  );
}
