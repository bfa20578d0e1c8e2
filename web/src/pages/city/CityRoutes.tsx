import { Menu } from 'antd';
import { lazy, Suspense } from 'react';
import { Route, Routes, useLocation, useNavigate } from 'react-router';
import { Spin } from 'antd';
import CityDashboard from './CityDashboard';

const CityCasesPage = lazy(() => import('./CityCasesPage'));
const PenaltiesPage = lazy(() => import('./PenaltiesPage'));

const ITEMS = [
  { key: '/city', label: '统计看板' },
  { key: '/city/cases', label: '全市案件' },
  { key: '/city/penalties', label: '处罚记录' },
];

/** 市级监督 (city_supervisor): statistics of every district, all cases with correction and city reconsideration, penalties. */
export default function CityRoutes() {
  const location = useLocation();
  const navigate = useNavigate();
  const selected = ITEMS.filter(
    (i) => location.pathname === i.key || (i.key !== '/city' && location.pathname.startsWith(i.key)),
  ).map((i) => i.key);
  return (
    <div>
      <nav aria-label="市级监督">
        <Menu
          mode="horizontal"
          selectedKeys={selected}
          items={ITEMS}
          onClick={(e) => void navigate(e.key)}
          style={{ marginBottom: 16 }}
        />
      </nav>
      <Suspense fallback={<Spin style={{ display: 'block', margin: 48 }} />}>
        <Routes>
          <Route index element={<CityDashboard />} />
          <Route path="cases" element={<CityCasesPage />} />
          <Route path="penalties" element={<PenaltiesPage />} />
        </Routes>
      </Suspense>
    </div>
  );
}
