import { Alert, Button, Card, Descriptions, Flex, Form, Input, Result, Spin, Tag, Typography } from 'antd';
import { useState } from 'react';
import { Link, useParams } from 'react-router';
import { api } from '../../api/client';
import { useRulesAt, valueOf } from '../../profile/policyRules';
import { applyFieldErrors, ProblemAlert } from '../../components/ProblemAlert';
import { indicatorLabel, shanghaiTime, type CaseView, type Workspace } from '../workflow/caseTypes';
import { CaseStatusBar } from '../workflow/CaseStatus';
import {
  CaseTitle,
  DeterminationsPanel,
  DocumentLink,
  MaterialsTable,
  NoticesPanel,
  ReceiptsPanel,
  ReconsiderationsPanel,
  RefusalsPanel,
  RegistryDescriptions,
} from '../workflow/CasePanels';
import {
  DeterminationComparison,
  ReconsiderationFactsCard,
  ReconsiderationRequestCard,
} from '../workflow/ReconsiderationParts';
import { useCase } from '../workflow/useCase';
import { UnitCaseRequests } from './UnitCaseRequests';
import { ClaimsEditor } from './ClaimsEditor';
import '../workflow/print.css';
import { useConfirm } from '../../components/useConfirm';
import { CONFIRM_TEXTS } from '../workflow/confirmTexts';
import { CaseTimeline } from '../../components/CaseTimeline';

/** The 积分申请表 as printed for the unit seal (print CSS shows only this). */
function PrintableForm({ view, workspace }: { view: CaseView; workspace: Workspace }) {
  return (
    <div className="print-only" aria-hidden="true">
      <h1 style={{ textAlign: 'center', fontSize: 22 }}>上海市居住证积分申请表</h1>
      <p>
        申请编号：{view.applicationNo ?? '（未编号）'}
        {'\u3000\u3000'}打印日期：{new Date().toISOString().slice(0, 10)}
      </p>
      <table className="print-table">
        <tbody>
          <tr>
            <th>申请人</th>
            <td>{view.holder?.name}</td>
            <th>身份证号</th>
            <td>{view.holder?.idNumberMasked}</td>
          </tr>
          <tr>
            <th>居住证</th>
            <td colSpan={3}>
              {workspace.registry?.permit
                ? `${workspace.registry.permit.permitNo}（${workspace.registry.permit.issuedOn} 领取，签注至 ${workspace.registry.permit.endorsedUntil}）`
                : '—'}
            </td>
          </tr>
          <tr>
            <th>用人单位</th>
            <td colSpan={3}>
              {view.unit?.name}（{view.district}）
            </td>
          </tr>
          <tr>
            <th>申报指标</th>
            <td colSpan={3}>
              {workspace.claims.map((c) => indicatorLabel(c.indicator)).join('、') || '基础指标'}
            </td>
          </tr>
          <tr>
            <th>预估积分</th>
            <td colSpan={3}>
              {workspace.precheck ? `${workspace.precheck.simulatedTotal} 分（以核定为准）` : '—'}
            </td>
          </tr>
        </tbody>
      </table>
      <p>本单位承诺所填信息及所附材料真实有效，如有虚假愿承担相应责任。</p>
      <div className="seal-box">
        <div>单位经办人签字：</div>
        <div className="seal">（单位公章）</div>
        <div>{'日期：\u3000\u3000年\u3000\u3000月\u3000\u3000日'}</div>
      </div>
    </div>
  );
}

/**
 * One application as the unit sees it: where it stands, the pre-check and the
 * materials to bring, printing the form for the seal, submitting, answering a
 * one-time notice, and opening the holder's own login.
 */
export default function EmployerCasePage() {
  const { caseId = '' } = useParams();
  const { view, workspace, loadError, busy, run, reload } = useCase(caseId);
  const [error, setError] = useState<unknown>();
  const [done, setDone] = useState<{ text: string; warnings: string[] }>();
  const [account, setAccount] = useState<{ username: string; initialPassword: string }>();
  const [accountError, setAccountError] = useState<unknown>();
  const [accountForm] = Form.useForm<{ username: string }>();
  const standardInForce = valueOf(useRulesAt(undefined), 'standard');
  const confirm = useConfirm();

  if (loadError) return <ProblemAlert error={loadError} />;
  if (!view || !workspace) return <Spin style={{ display: 'block', margin: 48 }} />;

  const act = async (segment: string, text: string) => {
    const binding = CONFIRM_TEXTS[segment];
    if (binding && !(await confirm(binding))) return;
    setError(undefined);
    setDone(undefined);
    try {
      const r = await run(segment, {});
      setDone({ text, warnings: r.warnings ?? [] });
    } catch (e) {
      setError(e);
    }
  };
  const pre = workspace.precheck;
  const below = (total: number) => typeof standardInForce === 'number' && total < standardInForce;
  const latestNotice = view.notices[view.notices.length - 1];

  return (
    <>
      <PrintableForm view={view} workspace={workspace} />
      <div className="screen-only">
        <Typography.Paragraph>
          <Link to="/employer">← 返回申请列表</Link>
        </Typography.Paragraph>
        <CaseTitle view={view} />
        <CaseStatusBar c={view} />
        <ProblemAlert error={error} />
        {done ? (
          <Alert
            role="status"
            style={{ marginTop: 12 }}
            type="success"
            showIcon
            title={<span data-testid="employer-result">{done.text}</span>}
            description={done.warnings.length ? done.warnings.join('；') : undefined}
          />
        ) : null}
        <RefusalsPanel view={view} />
        <ClaimsEditor view={view} workspace={workspace} onSaved={reload} />

        {view.state === 'draft' ? (
          <Card title="提交前预检查" size="small" style={{ marginTop: 16 }}>
            {pre ? (
              <Alert
                type={
                  pre.eligible && pre.reasons.length === 0
                    ? below(pre.simulatedTotal)
                      ? 'warning'
                      : 'success'
                    : 'error'
                }
                showIcon
                data-testid="precheck"
                title={
                  pre.eligible && pre.reasons.length === 0
                    ? `预检查通过，按登记数据模拟积分 ${pre.simulatedTotal} 分${below(pre.simulatedTotal) ? `（低于标准分值 ${String(standardInForce)} 分，仍可提交）` : ''}`
                    : '预检查未通过，不能提交'
                }
                description={
                  pre.reasons.length ? (
                    <ul style={{ margin: 0 }}>
                      {pre.reasons.map((r) => (
                        <li key={r}>{r}</li>
                      ))}
                    </ul>
                  ) : undefined
                }
              />
            ) : null}
            <Descriptions
              style={{ marginTop: 12 }}
              size="small"
              column={1}
              items={[
                {
                  key: 'claims',
                  label: '申报指标',
                  children: workspace.claims.map((c) => (
                    <Tag key={c.indicator}>{indicatorLabel(c.indicator)}</Tag>
                  )),
                },
              ]}
            />
            {workspace.checklist.length ? (
              <>
                <Typography.Title level={5}>提交后须到{view.district}受理点递交的材料</Typography.Title>
                <ol>
                  {workspace.checklist.map((i) => (
                    <li key={i.id}>{i.name}</li>
                  ))}
                </ol>
              </>
            ) : null}
            <Flex gap={12} wrap>
              <Button onClick={() => window.print()}>打印申请表（盖章用）</Button>
              <DocumentLink caseId={view.caseId} kind="application-form">
                下载申请表（PDF）
              </DocumentLink>
              <Button
                type="primary"
                loading={busy}
                disabled={pre !== null && !pre.eligible}
                onClick={() => void act('submit', '已提交，请携带材料到受理点递交')}
              >
                提交申请
              </Button>
            </Flex>
          </Card>
        ) : null}

        {view.state === 'supplement_required' && latestNotice ? (
          <Card title="答复一次性告知" size="small" style={{ marginTop: 16 }}>
            <Typography.Paragraph>
              受理点于 {shanghaiTime(latestNotice.issuedAt)} 出具第 {latestNotice.sequence}{' '}
              次一次性告知单，请补齐以下全部材料后重新提交：
            </Typography.Paragraph>
            <ol data-testid="notice-items">
              {latestNotice.items.map((i) => (
                <li key={i.code}>
                  {i.label} —— <Typography.Text type="danger">{i.reason}</Typography.Text>
                </li>
              ))}
            </ol>
            <Flex gap={12} wrap>
              <Button
                type="primary"
                loading={busy}
                onClick={() => void act('resubmit', '已重新提交，等待受理')}
              >
                已补齐材料，重新提交
              </Button>
              <Button onClick={() => window.print()}>打印申请表</Button>
            </Flex>
          </Card>
        ) : null}

        {view.state === 'submitted' ? (
          <Card title="待递交材料" size="small" style={{ marginTop: 16 }}>
            <Typography.Paragraph>
              请携带加盖单位公章的申请表及下列材料到{view.district}受理点。已等待 {view.waitingWorkdays ?? 0}{' '}
              个工作日；满 10 个工作日将提醒本单位。
            </Typography.Paragraph>
            <MaterialsTable view={view} />
            <Button style={{ marginTop: 12 }} onClick={() => window.print()}>
              打印申请表
            </Button>
          </Card>
        ) : null}

        <Card title="持证人网上账号" size="small" style={{ marginTop: 16 }}>
          {account ? (
            <Result
              status="success"
              title={`已为持证人开立账号 ${account.username}`}
              subTitle="初始密码只显示这一次，请当面告知持证人；持证人首次登录后须设置自己的密码。"
              extra={
                <Typography.Text copyable code data-testid="initial-password" style={{ fontSize: 18 }}>
                  {account.initialPassword}
                </Typography.Text>
              }
            />
          ) : (
            <>
              <ProblemAlert error={accountError} />
              <Form
                form={accountForm}
                layout="inline"
                onFinish={async (v) => {
                  setAccountError(undefined);
                  try {
                    const r = await api<{ username: string; initialPassword: string }>(
                      'POST',
                      `/api/v1/cases/${encodeURIComponent(view.caseId)}/holder-account`,
                      { username: v.username },
                    );
                    setAccount(r);
                  } catch (e) {
                    setAccountError(e);
                    applyFieldErrors(accountForm, e, ['input']);
                  }
                }}
              >
                <Form.Item
                  label="持证人用户名"
                  name="username"
                  rules={[{ required: true, message: '请填写用户名' }]}
                >
                  <Input autoComplete="off" style={{ width: 220 }} />
                </Form.Item>
                <Button htmlType="submit">开立账号</Button>
              </Form>
              <Typography.Paragraph type="secondary" style={{ marginTop: 8, marginBottom: 0 }}>
                持证人可凭此账号查看申请进度、核定结果和通知书，并申请复核。
              </Typography.Paragraph>
            </>
          )}
        </Card>

        <UnitCaseRequests view={view} busy={busy} run={run} />
        <NoticesPanel view={view} />
        <ReceiptsPanel view={view} />
        <ReconsiderationsPanel view={view} />
        <DeterminationComparison workspace={workspace} />
        <ReconsiderationFactsCard
          view={view}
          canReview={false}
          run={run}
          busy={busy}
          onDone={(text) => setDone({ text, warnings: [] })}
        />
        {view.state === 'determined' && !view.reconsiderations.some((r) => r.status === 'requested') ? (
          <ReconsiderationRequestCard
            view={view}
            workspace={workspace}
            run={run}
            busy={busy}
            onDone={(text) => setDone({ text, warnings: [] })}
          />
        ) : null}
        <DeterminationsPanel view={view} workspace={workspace} />
        <Card title="共享登记数据" size="small" style={{ marginTop: 16 }}>
          <RegistryDescriptions registry={workspace.registry} />
        </Card>
        <CaseTimeline caseId={view.caseId} version={view.version} />
      </div>
    </>
  );
}
