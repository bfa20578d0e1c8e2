import { Typography } from 'antd';
import { Route, Routes } from 'react-router';
import { useSession } from '../../api/session';
import { CaseSearch, caseHref } from '../../components/CaseSearch';
import { QueueTable } from '../workflow/QueueTable';
import { PendingReconsiderations } from '../workflow/ReconsiderationParts';
import ReviewCasePage from './ReviewCasePage';

function ReviewQueue() {
  const { user } = useSession();
  const approver = user?.role === 'district_approver';
  const district = user?.district ?? '';
  return (
    <>
      <Typography.Title level={3} style={{ marginTop: 0 }}>
        {district}
        {approver ? '积分核定' : '积分审核'}
      </Typography.Title>
      <Typography.Paragraph type="secondary">
        {approver
          ? '审核通过的申请须在 20 个工作日内核定；复核申请亦须在 20 个工作日内作出决定。'
          : '已受理的申请逐项审核；提请主管部门核实期间暂停计时。'}
      </Typography.Paragraph>
      <CaseSearch
        searchUrl={`/api/v1/districts/${encodeURIComponent(district)}/case-search`}
        caseBase="/review/cases"
        testId="review-search"
      />
      <PendingReconsiderations
        district={district}
        linkTo={(id) => `/review/cases/${encodeURIComponent(id)}`}
      />
      <QueueTable
        district={district}
        states={
          approver ? ['verified', 'determined', 'under_review'] : ['accepted', 'under_review', 'verified']
        }
        linkTo={(c) => caseHref('/review/cases', c)}
        testId="review-queue"
      />
    </>
  );
}

export default function ReviewRoutes() {
  return (
    <Routes>
      <Route index element={<ReviewQueue />} />
      <Route path="cases/:caseId" element={<ReviewCasePage />} />
    </Routes>
  );
}
