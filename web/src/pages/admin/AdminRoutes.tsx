import { Menu, Spin } from 'antd';
import { lazy, Suspense } from 'react';
import { Route, Routes, useLocation, useNavigate } from 'react-router';
import UsersPage from './UsersPage';

const PolicyDataPage = lazy(() => import('./PolicyDataPage'));

const ITEMS = [
  { key: '/admin', label: '用户与角色' },
  { key: '/admin/data', label: '政策数据加载' },
];

/** 系统管理 (admin): users and roles; policy data loads with preview. Never a case. */
export default function AdminRoutes() {
  const location = useLocation();
  const navigate = useNavigate();
  const selected = ITEMS.filter(
    (i) => location.pathname === i.key || (i.key !== '/admin' && location.pathname.startsWith(i.key)),
  ).map((i) => i.key);
  return (
    <div>
      <nav aria-label="系统管理">
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
          <Route index element={<UsersPage />} />
          <Route path="data" element={<PolicyDataPage />} />
        </Routes>
      </Suspense>
    </div>
  );
}
