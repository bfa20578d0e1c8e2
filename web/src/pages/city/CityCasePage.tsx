import { Spin, Typography } from 'antd';
import { Link, useParams } from 'react-router';
import { ProblemAlert } from '../../components/ProblemAlert';
import { CaseStatusBar } from '../workflow/CaseStatus';
import { CaseTitle } from '../workflow/CasePanels';
import { useCase } from '../workflow/useCase';
import { CaseSupervision } from './CaseSupervision';

/** A case found by the city's search box (issue 15), opened by its 申请编号, with the supervisor's actions. */
export default function CityCasePage() {
  const { caseId = '' } = useParams();
  const { view, loadError, reload } = useCase(caseId);
  if (loadError) return <ProblemAlert error={loadError} />;
  if (!view) return <Spin style={{ display: 'block', margin: 48 }} />;
  return (
    <>
      <Typography.Paragraph>
        <Link to="/city/cases">← 返回全市案件</Link>
      </Typography.Paragraph>
      <CaseTitle view={view} />
      <CaseStatusBar c={view} />
      <div style={{ marginTop: 16 }}>
        <CaseSupervision view={view} onChanged={() => void reload()} />
      </div>
    </>
  );
}
