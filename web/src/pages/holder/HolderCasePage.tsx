import { Alert, Card, Spin, Typography } from 'antd';
import { useState } from 'react';
import { Link, useParams } from 'react-router';
import { ProblemAlert } from '../../components/ProblemAlert';
import { CaseStatusBar } from '../workflow/CaseStatus';
import {
  CaseTitle,
  DeterminationsPanel,
  MaterialsTable,
  NoticesPanel,
  ReceiptsPanel,
  ReconsiderationsPanel,
  RefusalsPanel,
} from '../workflow/CasePanels';
import {
  DeterminationComparison,
  ReconsiderationFactsCard,
  ReconsiderationRequestCard,
} from '../workflow/ReconsiderationParts';
import { useCase } from '../workflow/useCase';
import { CaseTimeline } from '../../components/CaseTimeline';

/** One of my applications: where it stands, the determination explained item by item, notices, reconsideration. */
export default function HolderCasePage() {
  const { caseId = '' } = useParams();
  const { view, workspace, loadError, busy, run } = useCase(caseId);
  const [done, setDone] = useState<string>();
  if (loadError) return <ProblemAlert error={loadError} />;
  if (!view || !workspace) return <Spin style={{ display: 'block', margin: 48 }} />;
  const mayRequest =
    view.state === 'determined' && !view.reconsiderations.some((r) => r.status === 'requested');

  return (
    <div className="stack-on-phone">
      <Typography.Paragraph>
        <Link to="/holder">← 返回我的申请</Link>
      </Typography.Paragraph>
      <CaseTitle view={view} />
      <CaseStatusBar c={view} />
      <RefusalsPanel view={view} />
      {done ? (
        <Alert
          role="status"
          type="success"
          showIcon
          style={{ marginTop: 12 }}
          title={<span data-testid="holder-result">{done}</span>}
        />
      ) : null}
      <DeterminationsPanel view={view} workspace={workspace} />
      <ReconsiderationsPanel view={view} />
      <DeterminationComparison workspace={workspace} />
      <ReconsiderationFactsCard view={view} canReview={false} run={run} busy={busy} onDone={setDone} />
      {mayRequest ? (
        <ReconsiderationRequestCard
          view={view}
          workspace={workspace}
          run={run}
          busy={busy}
          onDone={setDone}
        />
      ) : null}
      <NoticesPanel view={view} />
      <ReceiptsPanel view={view} />
      <Card title="材料" size="small" style={{ marginTop: 16 }}>
        <MaterialsTable view={view} />
      </Card>
      <CaseTimeline caseId={view.caseId} version={view.version} />
    </div>
  );
}
