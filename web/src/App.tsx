import { Result, Spin } from 'antd';
import { lazy, Suspense, type ComponentType, type LazyExoticComponent } from 'react';
import { Link, Route, Routes } from 'react-router';
import { ROLE_LABEL, type Role } from './api/session';
import { AppLayout } from './components/AppLayout';
import { RequireRole } from './components/RequireRole';
import { RouteTitle } from './components/RouteTitle';
import HomePage from './pages/HomePage';

/**
 * Each public tool and each role's workspace is its own lazy chunk (code split
 * by role): a holder on a phone never downloads the officers' pages.
 */
const page = (load: () => Promise<{ default: ComponentType }>): LazyExoticComponent<ComponentType> =>
  lazy(load);

const PUBLIC = {
  simulate: page(() => import('./pages/public/SimulatorPage')),
  plan: page(() => import('./pages/public/PlannerPage')),
  checklist: page(() => import('./pages/public/ChecklistPage')),
  precheck: page(() => import('./pages/public/PrecheckPage')),
  verify: page(() => import('./pages/public/VerifyPage')),
  rules: page(() => import('./pages/public/RulesPage')),
  registerUnit: page(() => import('./pages/employer/RegisterUnitPage')),
};
const Login = page(() => import('./pages/LoginPage'));
const ChangePassword = page(() => import('./pages/account/ChangePasswordPage'));

/** Workspace root path → roles that may open it → its lazy routes module (with nested <Routes>). */
const WORKSPACES: Array<{ path: string; roles: Role[]; Component: LazyExoticComponent<ComponentType> }> = [
  { path: 'holder', roles: ['holder'], Component: page(() => import('./pages/holder/HolderRoutes')) },
  {
    path: 'employer',
    roles: ['employer_hr'],
    Component: page(() => import('./pages/employer/EmployerRoutes')),
  },
  { path: 'clerk', roles: ['acceptance_clerk'], Component: page(() => import('./pages/clerk/ClerkRoutes')) },
  {
    path: 'review',
    roles: ['district_reviewer', 'district_approver'],
    Component: page(() => import('./pages/review/ReviewRoutes')),
  },
  { path: 'city', roles: ['city_supervisor'], Component: page(() => import('./pages/city/CityRoutes')) },
  { path: 'admin', roles: ['admin'], Component: page(() => import('./pages/admin/AdminRoutes')) },
];

export function App() {
  return (
    <Suspense fallback={<Spin style={{ display: 'block', margin: 48 }} />}>
      <RouteTitle />
      <Routes>
        <Route element={<AppLayout />}>
          <Route index element={<HomePage />} />
          <Route path="login" element={<Login />} />
          <Route
            path="account/password"
            element={
              <RequireRole roles={Object.keys(ROLE_LABEL) as Role[]} openBeforePasswordChange>
                <ChangePassword />
              </RequireRole>
            }
          />
          <Route path="simulate" element={<PUBLIC.simulate />} />
          <Route path="plan" element={<PUBLIC.plan />} />
          <Route path="checklist" element={<PUBLIC.checklist />} />
          <Route path="precheck" element={<PUBLIC.precheck />} />
          <Route path="verify" element={<PUBLIC.verify />} />
          <Route path="rules" element={<PUBLIC.rules />} />
          <Route path="register-unit" element={<PUBLIC.registerUnit />} />
          {WORKSPACES.map(({ path, roles, Component }) => (
            <Route
              key={path}
              path={`${path}/*`}
              element={
                <RequireRole roles={roles}>
                  <Component />
                </RequireRole>
              }
            />
          ))}
          <Route
            path="*"
            element={<Result status="404" title="页面不存在" extra={<Link to="/">返回首页</Link>} />}
          />
        </Route>
      </Routes>
    </Suspense>
  );
}
