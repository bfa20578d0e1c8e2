import { Tabs, Typography } from 'antd';
import { Route, Routes, useLocation, useNavigate } from 'react-router';
import { useSession } from '../../api/session';
import { QueueTable } from '../workflow/QueueTable';
import ClerkCasePage from './ClerkCasePage';
import ClerkUnitsPage from './ClerkUnitsPage';

function ClerkHome() {
  const { user } = useSession();
  const navigate = useNavigate();
  const location = useLocation();
  const district = user?.district ?? '';
  return (
    <>
      <Typography.Title level={3} style={{ marginTop: 0 }}>
        {district}受理点
      </Typography.Title>
      <Tabs
        activeKey={location.pathname.endsWith('/units') ? 'units' : 'queue'}
        onChange={(k) => void navigate(k === 'units' ? '/clerk/units' : '/clerk')}
        items={[
          {
            key: 'queue',
            label: '受理队列',
            children: (
              <QueueTable
                district={district}
                states={['submitted', 'supplement_required']}
                linkTo={(id) => `/clerk/cases/${encodeURIComponent(id)}`}
                testId="clerk-queue"
              />
            ),
          },
          { key: 'units', label: '单位核验', children: <ClerkUnitsPage district={district} /> },
        ]}
      />
    </>
  );
}

export default function ClerkRoutes() {
  return (
    <Routes>
      <Route index element={<ClerkHome />} />
      <Route path="units" element={<ClerkHome />} />
      <Route path="cases/:caseId" element={<ClerkCasePage />} />
    </Routes>
  );
}
