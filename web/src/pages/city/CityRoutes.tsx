import { lazy } from 'react';
import { Route, Routes } from 'react-router';
import { CaseSearch } from '../../components/CaseSearch';
import { WorkspaceShell } from '../../components/WorkspaceShell';
import CityDashboard from './CityDashboard';

const CityCasesPage = lazy(() => import('./CityCasesPage'));
const PenaltiesPage = lazy(() => import('./PenaltiesPage'));
const CityCasePage = lazy(() => import('./CityCasePage'));

const ITEMS = [
  { key: '/city', label: '统计看板' },
  { key: '/city/cases', label: '全市案件' },
  { key: '/city/penalties', label: '处罚记录' },
];

/** 市级监督 (city_supervisor): statistics of every district, all cases with correction and city reconsideration, penalties. */
export default function CityRoutes() {
  return (
    <WorkspaceShell label="市级监督" items={ITEMS}>
      <CaseSearch searchUrl="/api/v1/city/case-search" caseBase="/city/cases" testId="city-search" />
      <Routes>
        <Route index element={<CityDashboard />} />
        <Route path="cases" element={<CityCasesPage />} />
        <Route path="cases/:caseId" element={<CityCasePage />} />
        <Route path="penalties" element={<PenaltiesPage />} />
      </Routes>
    </WorkspaceShell>
  );
}
