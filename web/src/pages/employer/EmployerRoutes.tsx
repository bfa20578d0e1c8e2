import { Tabs, Typography } from 'antd';
import { Route, Routes, useLocation, useNavigate } from 'react-router';
import { useSession } from '../../api/session';
import EmployeesPage from './EmployeesPage';
import EmployerCasePage from './EmployerCasePage';
import EmployerCasesPage from './EmployerCasesPage';
import NewApplicationPage from './NewApplicationPage';
import UnitMessagesPage from '../messages/UnitMessagesPage';

function EmployerHome() {
  const { user } = useSession();
  const navigate = useNavigate();
  const location = useLocation();
  const unitId = user?.unitId ?? '';
  return (
    <>
      <Typography.Title level={3} style={{ marginTop: 0 }}>
        本单位积分申请
      </Typography.Title>
      <Tabs
        activeKey={location.pathname.endsWith('/employees') ? 'employees' : 'cases'}
        onChange={(k) => void navigate(k === 'employees' ? '/employer/employees' : '/employer')}
        items={[
          { key: 'cases', label: '申请列表', children: <EmployerCasesPage unitId={unitId} /> },
          { key: 'employees', label: '员工与积分账户', children: <EmployeesPage unitId={unitId} /> },
        ]}
      />
    </>
  );
}

function UnitMessages() {
  const { user } = useSession();
  return <UnitMessagesPage unitId={user?.unitId ?? ''} />;
}

export default function EmployerRoutes() {
  return (
    <Routes>
      <Route index element={<EmployerHome />} />
      <Route path="employees" element={<EmployerHome />} />
      <Route path="new/:holderId" element={<NewApplicationPage />} />
      <Route path="cases/:caseId" element={<EmployerCasePage />} />
      <Route path="messages" element={<UnitMessages />} />
    </Routes>
  );
}
