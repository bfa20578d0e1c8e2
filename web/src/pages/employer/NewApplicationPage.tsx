import { Alert, Button, Card, Form, Spin, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import { api, ApiError, command } from '../../api/client';
import { useSession } from '../../api/session';
import { applyFieldErrors, ProblemAlert } from '../../components/ProblemAlert';
import type { CommandResult, Registry } from '../workflow/caseTypes';
import { RegistryDescriptions } from '../workflow/CasePanels';
import { ClaimsFields, claimsFromForm, type ClaimsValues } from './ClaimsFields';

interface EmployeeRegistry extends Registry {
  unit: { id: string; name: string; creditCode: string; district: string };
  accountOpensOn: string | null;
  mayOpenAccount: boolean;
}

/**
 * 创建积分账户并填报: the holder's registry data are pulled in (not retyped);
 * the unit only chooses what it claims. The API refuses before the 3rd working
 * day after the permit; the page says from which date it becomes possible.
 */
export default function NewApplicationPage() {
  const { holderId = '' } = useParams();
  const { user } = useSession();
  const navigate = useNavigate();
  const [registry, setRegistry] = useState<EmployeeRegistry>();
  const [loadError, setLoadError] = useState<unknown>();
  const [error, setError] = useState<unknown>();
  const [busy, setBusy] = useState(false);
  const [form] = Form.useForm<ClaimsValues>();
  const unitId = user?.unitId ?? '';

  useEffect(() => {
    api<EmployeeRegistry>(
      'GET',
      `/api/v1/units/${encodeURIComponent(unitId)}/holders/${encodeURIComponent(holderId)}/registry`,
    )
      .then(setRegistry)
      .catch(setLoadError);
  }, [unitId, holderId]);

  if (loadError) return <ProblemAlert error={loadError} />;
  if (!registry) return <Spin style={{ display: 'block', margin: 48 }} />;

  const tooEarly =
    error instanceof ApiError && /第3个工作日|3个工作日/.test(error.problem.title) && registry.accountOpensOn;

  return (
    <>
      <Typography.Paragraph>
        <Link to="/employer/employees">← 返回员工列表</Link>
      </Typography.Paragraph>
      <Typography.Title level={3} style={{ marginTop: 0 }}>
        为 {registry.holder.name} 创建积分账户并填报
      </Typography.Title>
      <Card title="共享登记数据（自动带入，无需填写）" size="small">
        <RegistryDescriptions registry={registry} />
        <Typography.Paragraph type="secondary" style={{ marginTop: 8, marginBottom: 0 }}>
          申请单位：{registry.unit.name}（{registry.unit.creditCode}，{registry.unit.district}
          ）。积分账户须在领取居住证后第 3 个工作日起创建
          {registry.accountOpensOn ? (
            <>
              ，该员工自 <Typography.Text strong>{registry.accountOpensOn}</Typography.Text> 起可创建
            </>
          ) : null}
          。
        </Typography.Paragraph>
      </Card>
      {!registry.mayOpenAccount && registry.accountOpensOn ? (
        <Alert
          style={{ marginTop: 16 }}
          type="warning"
          showIcon
          title={`居住证于 ${registry.permit?.issuedOn ?? '—'} 领取，${registry.accountOpensOn} 起方可创建积分账户。`}
        />
      ) : null}
      <Card title="申报内容" size="small" style={{ marginTop: 16 }}>
        <ProblemAlert error={error} />
        {tooEarly ? (
          <Alert
            type="info"
            showIcon
            style={{ marginBottom: 16 }}
            role="status"
            data-testid="opens-on"
            title={`请于 ${registry.accountOpensOn} 起再为该员工创建积分账户。`}
          />
        ) : null}
        <Form
          form={form}
          layout="vertical"
          initialValues={{ simple: ['education'], qualification: { on: false } }}
          onFinish={async (v) => {
            setBusy(true);
            setError(undefined);
            try {
              const r = await command<CommandResult & { applicationNo?: string }>('/api/v1/cases', {
                holderId,
                claims: claimsFromForm(v),
              });
              // The page of the new case, by the 申请编号 it was given (issue 15).
              await navigate(`/employer/cases/${encodeURIComponent(r.applicationNo ?? r.caseId)}`);
            } catch (e) {
              setError(e);
              applyFieldErrors(form, e, ['input']);
            } finally {
              setBusy(false);
            }
          }}
        >
          <ClaimsFields />
          {/* The 申请编号 is the system's (区代码+年份+序号), given when the account is created (issue 15). */}
          <Button type="primary" htmlType="submit" loading={busy}>
            创建积分账户
          </Button>
        </Form>
      </Card>
    </>
  );
}
