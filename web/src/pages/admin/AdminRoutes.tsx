import { lazy } from 'react';
import { Route, Routes } from 'react-router';
import { WorkspaceShell } from '../../components/WorkspaceShell';
import UsersPage from './UsersPage';

const PolicyDataPage = lazy(() => import('./PolicyDataPage'));

const ITEMS = [
  { key: '/admin', label: '用户与角色' },
  { key: '/admin/data', label: '政策数据加载' },
];

/** 系统管理 (admin): users and roles; policy data loads with preview. Never a case. */
export default function AdminRoutes() {
  return (
    <WorkspaceShell label="系统管理" items={ITEMS}>
      <Routes>
        <Route index element={<UsersPage />} />
        <Route path="data" element={<PolicyDataPage />} />
      </Routes>
    </WorkspaceShell>
  );
}
