import { Tabs, Typography } from 'antd';
import { Route, Routes, useLocation, useNavigate } from 'react-router';
import { useSession } from '../../api/session';
import { CaseSearch, caseHref } from '../../components/CaseSearch';
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
              <>
                <CaseSearch
                  searchUrl={`/api/v1/districts/${encodeURIComponent(district)}/case-search`}
                  caseBase="/clerk/cases"
                  testId="clerk-search"
                />
                <QueueTable
                  district={district}
                  states={['submitted', 'supplement_required']}
                  linkTo={(c) => caseHref('/clerk/cases', c)}
                  testId="clerk-queue"
                />
              </>
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
