import {
  Alert,
  Button,
  Card,
  Col,
  Flex,
  Form,
  Input,
  Radio,
  Result,
  Row,
  Spin,
  Table,
  Typography,
} from 'antd';
import { useEffect, useState } from 'react';
import { Link, useParams } from 'react-router';
import { ApiError } from '../../api/client';
import { namePathOf, ProblemAlert } from '../../components/ProblemAlert';
import { indicatorLabel, URGENCY_REASONS, type Material } from '../workflow/caseTypes';
import { CaseStatusBar } from '../workflow/CaseStatus';
import { CaseTitle, MaterialsTable, NoticesPanel, ReceiptsPanel } from '../workflow/CasePanels';
import { useCase } from '../workflow/useCase';
import { CaseTimeline } from '../../components/CaseTimeline';
import { useConfirm } from '../../components/useConfirm';
import { CONFIRM_TEXTS } from '../workflow/confirmTexts';
import { ClaimsBeside } from './ClaimsBeside';
import { IdentityReveal } from './IdentityReveal';

type Check = 'received' | 'missing' | 'defective';
interface CheckValues {
  m: Record<string, { status?: Check; reason?: string }>;
}

/**
 * The counter: tick each required material. All present → accept with a
 * receipt; anything missing or defective → return with ONE notice listing every
 * such item with its reason (细则 第五条 当场一次性告知).
 */
export default function ClerkCasePage() {
  const { caseId = '' } = useParams();
  const { view, workspace, loadError, busy, run } = useCase(caseId);
  const confirm = useConfirm();
  const [reveals, setReveals] = useState(0);
  const [form] = Form.useForm<CheckValues>();
  const [error, setError] = useState<unknown>();
  const [done, setDone] = useState<{ kind: 'accepted' | 'returned'; text: string }>();
  const values = Form.useWatch('m', form) as CheckValues['m'] | undefined;

  useEffect(() => {
    if (view)
      form.setFieldsValue({
        m: Object.fromEntries(
          view.materials.map((m) => [
            m.code,
            {
              status: m.status === 'defective' ? 'defective' : undefined,
              reason: m.defectReason ?? undefined,
            },
          ]),
        ),
      });
  }, [view, form]);

  if (loadError) return <ProblemAlert error={loadError} />;
  if (!view) return <Spin style={{ display: 'block', margin: 48 }} />;

  const statuses = view.materials.map((m) => values?.[m.code]?.status);
  const allReceived = statuses.length > 0 && statuses.every((s) => s === 'received');
  const anyProblem = statuses.some((s) => s === 'missing' || s === 'defective');
  const allTicked = statuses.every((s) => s !== undefined);
  const atCounter = view.state === 'submitted';

  const showFieldErrors = (e: unknown, codes: string[]) => {
    if (!(e instanceof ApiError)) return;
    form.setFields(
      e.fields
        .map((f) => {
          const p = namePathOf(f.path, ['input']);
          const code = p[0] === 'items' && typeof p[1] === 'number' ? codes[p[1]] : undefined;
          return code
            ? {
                name: ['m', code, p[2] === 'itemId' ? 'status' : 'reason'] as ['m', string, 'reason'],
                errors: [f.message],
              }
            : null;
        })
        .filter((x) => x !== null),
    );
  };

  const accept = async () => {
    if (!(await confirm(CONFIRM_TEXTS.accept!))) return;
    setError(undefined);
    try {
      const r = await run('accept', { received: view.materials.map((m) => m.code) });
      setDone({ kind: 'accepted', text: `已受理，收件凭证号：${String(r.documents.receiptNo ?? '')}` });
    } catch (e) {
      setError(e);
    }
  };
  const giveNotice = async () => {
    setError(undefined);
    try {
      await form.validateFields();
    } catch {
      setError(new Error('请为每一项缺少或有误的材料填写原因'));
      return;
    }
    const problems = view.materials.filter((m) => {
      const s = values?.[m.code]?.status;
      return s === 'missing' || s === 'defective';
    });
    const codes = problems.map((m) => m.code);
    if (!(await confirm(CONFIRM_TEXTS.return!))) return;
    try {
      const r = await run('return', {
        items: problems.map((m) => ({
          itemId: m.code,
          problem: values![m.code]!.status,
          reason: values![m.code]!.reason ?? '',
        })),
      });
      setDone({
        kind: 'returned',
        text: `已退回并出具第 ${String(r.documents.noticeSeq ?? '')} 次一次性告知单（共 ${problems.length} 项）`,
      });
    } catch (e) {
      setError(e);
      showFieldErrors(e, codes);
    }
  };

  return (
    <>
      <Typography.Paragraph>
        <Link to="/clerk">← 返回受理队列</Link>
      </Typography.Paragraph>
      <CaseTitle view={view} />
      {view.holder ? (
        <Typography.Paragraph>
          持证人 {view.holder.name}，
          <IdentityReveal
            caseId={view.caseId}
            masked={view.holder.idNumberMasked}
            onRevealed={() => setReveals((n) => n + 1)}
          />
        </Typography.Paragraph>
      ) : null}
      <CaseStatusBar c={view} />
      {view.staleAtCounter ? (
        <Alert
          type="warning"
          showIcon
          style={{ marginTop: 8 }}
          data-testid="stale-at-counter"
          title={`内部管理提示：本案在受理环节已等待 ${view.waitingWorkdays ?? 0} 个工作日，列为滞留案件，请跟进。`}
          description="这是区内办理时效的管理提示，不是单位补齐材料的期限：补齐材料没有期限要求，不对单位和持证人显示。"
        />
      ) : null}
      {view.urgency ? (
        <Alert
          style={{ marginTop: 12 }}
          type="info"
          showIcon
          title={`单位加急说明：${URGENCY_REASONS[view.urgency.reason] ?? view.urgency.reason}（${view.urgency.date}）${view.urgency.text ? `：${view.urgency.text}` : ''}。加急不改变法定期限。`}
        />
      ) : null}
      {done ? (
        <Alert
          role="status"
          style={{ marginTop: 16 }}
          type={done.kind === 'accepted' ? 'success' : 'warning'}
          showIcon
          title={<span data-testid="clerk-result">{done.text}</span>}
        />
      ) : null}
      <Row gutter={16}>
        <Col xs={24} xl={15}>
          <Card title="材料核对" size="small" style={{ marginTop: 16 }}>
            {atCounter ? (
              <>
                <ProblemAlert error={error} />
                <Form form={form} component={false}>
                  <Table<Material>
                    size="small"
                    rowKey="code"
                    pagination={false}
                    dataSource={view.materials}
                    data-testid="material-checklist"
                    columns={[
                      {
                        title: '材料',
                        key: 'label',
                        render: (_: unknown, m) => (
                          <span id={`mat-${m.code}`}>
                            {m.label}
                            <Typography.Text type="secondary">
                              {' '}
                              （{indicatorLabel(m.indicator)}）
                            </Typography.Text>
                          </span>
                        ),
                      },
                      {
                        title: '核对结果',
                        key: 'status',
                        width: 260,
                        render: (_: unknown, m) => (
                          <Form.Item
                            name={['m', m.code, 'status']}
                            style={{ margin: 0 }}
                            rules={[{ required: true, message: '请核对此项' }]}
                          >
                            <Radio.Group
                              aria-labelledby={`mat-${m.code}`}
                              options={[
                                { value: 'received', label: '已收到' },
                                { value: 'missing', label: '缺少' },
                                { value: 'defective', label: '有误' },
                              ]}
                            />
                          </Form.Item>
                        ),
                      },
                      {
                        title: '原因（缺少或有误时必填）',
                        key: 'reason',
                        width: 280,
                        render: (_: unknown, m) => {
                          const s = values?.[m.code]?.status;
                          const needed = s === 'missing' || s === 'defective';
                          return (
                            <Form.Item
                              name={['m', m.code, 'reason']}
                              style={{ margin: 0 }}
                              rules={
                                needed ? [{ required: true, whitespace: true, message: '请填写原因' }] : []
                              }
                            >
                              <Input
                                aria-label={`${m.label} 的原因`}
                                disabled={!needed}
                                placeholder={needed ? '如：未带原件、复印件不清晰' : ''}
                                maxLength={300}
                              />
                            </Form.Item>
                          );
                        },
                      },
                    ]}
                  />
                </Form>
                <Flex gap={12} wrap style={{ marginTop: 16 }}>
                  <Button
                    onClick={() =>
                      form.setFieldsValue({
                        m: Object.fromEntries(
                          view.materials.map((m) => [m.code, { status: 'received' as const }]),
                        ),
                      })
                    }
                  >
                    全部标为已收到
                  </Button>
                  <Button type="primary" disabled={!allReceived} loading={busy} onClick={() => void accept()}>
                    受理并出具收件凭证
                  </Button>
                  <Button
                    danger
                    disabled={!anyProblem || !allTicked}
                    loading={busy}
                    onClick={() => void giveNotice()}
                  >
                    退回并出具一次性告知单
                  </Button>
                </Flex>
                <Typography.Paragraph type="secondary" style={{ marginTop: 8 }}>
                  须逐项核对全部材料后方可退回：一次性告知单须一次列明所有缺少或有误的材料。
                </Typography.Paragraph>
              </>
            ) : (
              <>
                {!done ? (
                  <Result
                    status="info"
                    title="此申请当前不在受理环节"
                    subTitle={`当前状态：${view.stateLabel}，经办方：${view.heldBy.label}`}
                  />
                ) : null}
                <MaterialsTable view={view} />
              </>
            )}
          </Card>
        </Col>
        <Col xs={24} xl={9}>
          {workspace ? <ClaimsBeside workspace={workspace} /> : null}
        </Col>
      </Row>
      <ReceiptsPanel view={view} />
      <NoticesPanel view={view} />
      <CaseTimeline caseId={view.caseId} version={view.version} refreshKey={reveals} />
    </>
  );
}
