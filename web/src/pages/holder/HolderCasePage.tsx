import { Alert, Button, Card, Form, Input, Spin, Typography } from 'antd';
import { useState } from 'react';
import { Link, useParams } from 'react-router';
import { applyFieldErrors, ProblemAlert } from '../../components/ProblemAlert';
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
import { useCase } from '../workflow/useCase';
import { CaseTimeline } from '../../components/CaseTimeline';

/** One of my applications: where it stands, the determination explained item by item, notices, reconsideration. */
export default function HolderCasePage() {
  const { caseId = '' } = useParams();
  const { view, workspace, loadError, busy, run } = useCase(caseId);
  const [form] = Form.useForm<{ grounds: string }>();
  const [error, setError] = useState<unknown>();
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
      {mayRequest ? (
        <Card title="申请复核" size="small" style={{ marginTop: 16 }}>
          <Typography.Paragraph type="secondary">
            对核定结果有异议的，可向原受理区申请复核，区人社局在 20 个工作日内作出决定（实施细则 第十二条）。
          </Typography.Paragraph>
          <ProblemAlert error={error} />
          <Form
            form={form}
            layout="vertical"
            onFinish={async (v) => {
              setError(undefined);
              try {
                await run('reconsideration', { grounds: v.grounds });
                setDone('复核申请已提交，由区人社局核定人员办理');
                form.resetFields();
              } catch (e) {
                setError(e);
                applyFieldErrors(form, e, ['input']);
              }
            }}
          >
            <Form.Item
              label="复核理由"
              name="grounds"
              rules={[{ required: true, whitespace: true, message: '请填写复核理由' }]}
            >
              <Input.TextArea rows={3} maxLength={1000} showCount />
            </Form.Item>
            <Button type="primary" htmlType="submit" loading={busy}>
              提交复核申请
            </Button>
          </Form>
        </Card>
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
