import {
  Alert,
  Button,
  Card,
  Flex,
  Form,
  Input,
  Modal,
  Radio,
  Spin,
  Statistic,
  Table,
  Tag,
  Typography,
} from 'antd';
import { useState } from 'react';
import { Link, useParams } from 'react-router';
import { useSession } from '../../api/session';
import { applyFieldErrors, ProblemAlert } from '../../components/ProblemAlert';
import { INDICATOR_LABELS, TASK_STATUS, type ReviewTask, type Workspace } from '../workflow/caseTypes';
import { CaseStatusBar } from '../workflow/CaseStatus';
import {
  CaseTitle,
  DeterminationsPanel,
  ExplanationTable,
  MaterialsTable,
  pendingClaims,
  ReceiptsPanel,
  ReconsiderationsPanel,
  RefusalsPanel,
  registryFacts,
} from '../workflow/CasePanels';
import {
  DeterminationComparison,
  ReconsiderationFactsCard,
  RedeterminationPreview,
} from '../workflow/ReconsiderationParts';
import { useCase } from '../workflow/useCase';
import { TaskAssignment, assigneeName, useDistrictOfficers } from '../workflow/TaskAssignment';
import { useConfirm } from '../../components/useConfirm';
import { CONFIRM_TEXTS } from '../workflow/confirmTexts';
import { CaseTimeline } from '../../components/CaseTimeline';

/** The command behind each dialog (its confirmation text). */
const DIALOG_COMMANDS: Record<NonNullable<Dialog>['kind'], string> = {
  refer: 'refer',
  refuse: 'refuse',
  decrease: 'decrease',
  reconsideration: 'reconsideration-decision',
};

const QUALIFICATION_LEVELS: Record<string, string> = {
  junior: '初级',
  intermediate: '中级',
  senior: '高级',
};

/** What the unit claimed for the indicator a review task checks, in words. */
function claimText(w: Workspace, indicator: string): string {
  if (indicator === 'archive') return '基本条件（居住证、档案）';
  if (indicator === 'insurance') return '社保缴费年限与基数（按登记数据计）';
  if (indicator === 'household') indicator = 'spouse_hukou';
  const c = w.claims.find((x) => x.indicator === indicator);
  if (!c) return '未申报';
  const d = c.detail as {
    qualifications?: { type: string; level: string | number; matchesPost?: boolean }[];
    awards?: { level: string }[];
    periods?: unknown[];
  };
  if (d.qualifications)
    return d.qualifications
      .map(
        (q) =>
          `${q.type === 'title' ? '职称' : '技能'} ${QUALIFICATION_LEVELS[String(q.level)] ?? `${q.level}级`}${q.matchesPost ? '（与岗位相符）' : ''}`,
      )
      .join('；');
  if (d.awards) return `表彰奖励 ${d.awards.length} 项`;
  if (d.periods) return `${d.periods.length} 段`;
  return `申报${INDICATOR_LABELS[indicator] ?? indicator}`;
}

type Dialog =
  | { kind: 'refer'; task: ReviewTask }
  | { kind: 'refuse' }
  | { kind: 'decrease' }
  | { kind: 'reconsideration' }
  | undefined;

/**
 * Review and determination: tasks per claimed indicator with the registry data
 * beside the claim; refer an item to its authority (the clock pauses) and
 * settle it; verify; determine from the engine's result (no number is typed);
 * decide a district reconsideration; apply a decrease.
 */
export default function ReviewCasePage() {
  const { caseId = '' } = useParams();
  const { user } = useSession();
  const { view, workspace, loadError, busy, reload, run } = useCase(caseId);
  // The district's officers by name: whom each review item is assigned to (issue 15, 分派).
  const { officers } = useDistrictOfficers(user?.district ?? '', false);
  const [error, setError] = useState<unknown>();
  const [dialog, setDialog] = useState<Dialog>();
  const [dialogError, setDialogError] = useState<unknown>();
  const [done, setDone] = useState<string>();
  const [form] = Form.useForm();
  const confirm = useConfirm();

  if (loadError) return <ProblemAlert error={loadError} />;
  if (!view || !workspace) return <Spin style={{ display: 'block', margin: 48 }} />;

  const reviewer = user?.role === 'district_reviewer';
  const approver = user?.role === 'district_approver';
  const pending = pendingClaims(view, workspace);
  const act = async (segment: string, body: unknown, message: string) => {
    const binding = CONFIRM_TEXTS[segment];
    if (binding && !(await confirm(binding))) return;
    setError(undefined);
    setDone(undefined);
    try {
      await run(segment, body);
      setDone(message);
    } catch (e) {
      setError(e);
    }
  };
  const openTasks = view.reviewTasks.filter((t) => t.status === 'open' || t.status === 'referred');
  const reconsiderationPending = view.reconsiderations.some(
    (r) => r.status === 'requested' && r.level === 'district',
  );

  const submitDialog = async () => {
    const v = (await form.validateFields()) as Record<string, string>;
    const binding = dialog && CONFIRM_TEXTS[DIALOG_COMMANDS[dialog.kind]];
    if (binding && !(await confirm(binding))) return;
    setDialogError(undefined);
    try {
      if (dialog?.kind === 'refer') {
        await run('refer', { taskId: dialog.task.indicator, authority: v.authority });
        setDone(
          `已提请 ${v.authority} 核实「${INDICATOR_LABELS[dialog.task.indicator] ?? dialog.task.indicator}」，计时暂停`,
        );
      } else if (dialog?.kind === 'refuse') {
        await run('refuse', { reasons: [{ code: 'review_failed', text: v.text, citation: v.citation }] });
        setDone('已作出不予积分决定');
      } else if (dialog?.kind === 'decrease') {
        await run('decrease', { reason: v.reason });
        setDone('已扣减积分并形成新的核定');
      } else if (dialog?.kind === 'reconsideration') {
        await run('reconsideration-decision', { outcome: v.outcome, reasons: v.reasons });
        setDone(`复核决定已作出：${v.outcome === 'upheld' ? '维持原核定' : '变更核定'}`);
      }
      setDialog(undefined);
      form.resetFields();
    } catch (e) {
      setDialogError(e);
      applyFieldErrors(form, e, ['input']);
      // A refusal's reasons are an array in the API; the form has one.
      applyFieldErrors(form, e, ['input', 'reasons', 0 as never]);
    }
  };

  const taskColumns = [
    {
      title: '审核项',
      dataIndex: 'indicator',
      width: 120,
      render: (i: string) => <Typography.Text strong>{INDICATOR_LABELS[i] ?? i}</Typography.Text>,
    },
    {
      title: '单位申报',
      key: 'claim',
      width: 200,
      render: (_: unknown, t: ReviewTask) => claimText(workspace, t.indicator),
    },
    {
      title: '共享登记数据',
      key: 'registry',
      render: (_: unknown, t: ReviewTask) => registryFacts(workspace.registry, t.indicator),
    },
    {
      title: '状态',
      key: 'status',
      width: 200,
      render: (_: unknown, t: ReviewTask) => (
        <span data-testid={`task-${t.indicator}`}>
          <Tag color={TASK_STATUS[t.status].color}>{TASK_STATUS[t.status].label}</Tag>
          {t.referredTo ? <div>{t.referredTo}</div> : null}
        </span>
      ),
    },
    {
      title: '承办人',
      key: 'assignee',
      width: 140,
      render: (_: unknown, t: ReviewTask) => (
        <span data-testid={`assignee-${t.indicator}`}>
          {t.assignedTo === user?.id ? (
            <Tag color="blue">{assigneeName(officers, t.assignedTo, user?.id)}</Tag>
          ) : (
            assigneeName(officers, t.assignedTo, user?.id)
          )}
        </span>
      ),
    },
    {
      title: '操作',
      key: 'act',
      width: 260,
      render: (_: unknown, t: ReviewTask) => {
        const label = INDICATOR_LABELS[t.indicator] ?? t.indicator;
        const canRecord = reviewer && view.state === 'under_review' && t.status === 'open';
        const canRefer =
          t.status === 'open' &&
          ((reviewer && ['under_review', 'verified'].includes(view.state)) ||
            (approver && view.state === 'verified'));
        const canSettle = t.status === 'referred' && (reviewer || approver);
        return (
          <Flex gap={6} wrap>
            {canRecord ? (
              <>
                <Button
                  size="small"
                  type="primary"
                  aria-label={`${label} 通过`}
                  loading={busy}
                  onClick={() =>
                    void act('task-result', { taskId: t.indicator, result: 'passed' }, `${label}：通过`)
                  }
                >
                  通过
                </Button>
                <Button
                  size="small"
                  danger
                  aria-label={`${label} 不通过`}
                  loading={busy}
                  onClick={() =>
                    void act('task-result', { taskId: t.indicator, result: 'failed' }, `${label}：不通过`)
                  }
                >
                  不通过
                </Button>
              </>
            ) : null}
            {canRefer ? (
              <Button
                size="small"
                aria-label={`${label} 提请核实`}
                onClick={() => setDialog({ kind: 'refer', task: t })}
              >
                提请核实
              </Button>
            ) : null}
            {canSettle ? (
              <>
                <Button
                  size="small"
                  type="primary"
                  aria-label={`${label} 核实属实`}
                  loading={busy}
                  onClick={() =>
                    void act(
                      'settle-referral',
                      { taskId: t.indicator, result: 'passed' },
                      `${label}：核实属实`,
                    )
                  }
                >
                  核实属实
                </Button>
                <Button
                  size="small"
                  danger
                  aria-label={`${label} 核实不属实`}
                  loading={busy}
                  onClick={() =>
                    void act(
                      'settle-referral',
                      { taskId: t.indicator, result: 'failed' },
                      `${label}：核实不属实`,
                    )
                  }
                >
                  核实不属实
                </Button>
              </>
            ) : null}
          </Flex>
        );
      },
    },
  ];

  return (
    <>
      <Typography.Paragraph>
        <Link to="/review">← 返回{approver ? '核定' : '审核'}队列</Link>
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
          title={<span data-testid="review-result">{done}</span>}
        />
      ) : null}
      <RefusalsPanel view={view} />

      <Card title="审核任务（逐项对照申报与登记数据）" size="small" style={{ marginTop: 16 }}>
        {view.state === 'accepted' ? (
          reviewer ? (
            <Button type="primary" loading={busy} onClick={() => void act('start-review', {}, '已开始审核')}>
              开始审核
            </Button>
          ) : (
            <Typography.Text type="secondary">已受理，等待审核人员开始审核。</Typography.Text>
          )
        ) : (
          <Table<ReviewTask>
            size="small"
            rowKey="id"
            pagination={false}
            dataSource={view.reviewTasks}
            columns={taskColumns}
            scroll={{ x: 900 }}
            locale={{ emptyText: '没有审核任务' }}
          />
        )}
        <Flex gap={12} wrap style={{ marginTop: 12 }}>
          {reviewer && view.state === 'under_review' ? (
            <Button
              type="primary"
              disabled={openTasks.length > 0}
              loading={busy}
              onClick={() => void act('verify', {}, '审核通过，转区人社局核定（20个工作日内）')}
            >
              审核通过（转核定）
            </Button>
          ) : null}
          {(reviewer && view.state === 'under_review') ||
          (approver && ['under_review', 'verified'].includes(view.state)) ? (
            <Button danger onClick={() => setDialog({ kind: 'refuse' })}>
              不予积分…
            </Button>
          ) : null}
          {reviewer && view.state === 'under_review' && openTasks.length > 0 ? (
            <Typography.Text type="secondary">
              尚有 {openTasks.length} 项未审结，审结后方可审核通过。
            </Typography.Text>
          ) : null}
        </Flex>
      </Card>

      {view.state === 'verified' || (view.state === 'under_review' && workspace.engine) ? (
        <Card
          title="规则引擎计算结果（依已审核通过的事实；分值不可手工填写）"
          size="small"
          style={{ marginTop: 16 }}
        >
          {workspace.engine ? (
            <>
              <Flex gap={32} wrap style={{ marginBottom: 12 }}>
                <Statistic
                  title={pending.size ? '积分合计（已核实部分）' : '积分合计'}
                  value={workspace.engine.total}
                  suffix="分"
                />
                <Statistic title="标准分值" value={workspace.engine.standard} suffix="分" />
                <Statistic
                  title="规则版本（受理日）"
                  value={`${workspace.engine.rulesVersion}（${workspace.engine.asOf}）`}
                />
              </Flex>
              {workspace.engine.warnings.map((w) => (
                <Alert key={w} type="warning" showIcon title={w} style={{ marginBottom: 8 }} />
              ))}
              {pending.size > 0 && (
                <Alert
                  type="info"
                  showIcon
                  style={{ marginBottom: 8 }}
                  data-testid="pending-claims"
                  title={`${pending.size} 项申报待核：${[...pending].map((i) => INDICATOR_LABELS[i] ?? '其他指标').join('、')}。审核通过后计入积分合计。`}
                />
              )}
              <ExplanationTable items={workspace.engine.items} pending={pending} />
            </>
          ) : (
            <Typography.Text type="secondary">引擎结果暂不可用。</Typography.Text>
          )}
          {approver && view.state === 'verified' ? (
            <Button
              type="primary"
              style={{ marginTop: 12 }}
              loading={busy}
              onClick={() => void act('determine', {}, '已核定积分，已通知持证人与单位')}
            >
              按上述结果核定积分
            </Button>
          ) : null}
        </Card>
      ) : null}

      {approver && view.state === 'determined' ? (
        <Card title="核定后事项" size="small" style={{ marginTop: 16 }}>
          <Flex gap={12} wrap>
            {reconsiderationPending ? (
              <Button type="primary" onClick={() => setDialog({ kind: 'reconsideration' })}>
                作出区级复核决定
              </Button>
            ) : null}
            <Button onClick={() => setDialog({ kind: 'decrease' })}>扣减积分…</Button>
          </Flex>
        </Card>
      ) : null}

      {(reviewer || approver) && view.state === 'under_review' ? (
        <div style={{ marginTop: 16 }}>
          <TaskAssignment
            caseId={view.caseId}
            version={view.version}
            district={view.district}
            tasks={view.reviewTasks.map((t) => ({ ...t, id: t.indicator }))}
            asCity={false}
            onDone={() => {
              setDone('已分派审核人员');
              void reload();
            }}
          />
        </div>
      ) : null}
      <ReconsiderationsPanel view={view} />
      <ReconsiderationFactsCard view={view} canReview={reviewer} run={run} busy={busy} onDone={setDone} />
      <DeterminationComparison workspace={workspace} />
      <DeterminationsPanel view={view} workspace={workspace} />
      <ReceiptsPanel view={view} />
      <Card title="材料" size="small" style={{ marginTop: 16 }}>
        <MaterialsTable view={view} />
      </Card>

      <Modal
        open={dialog !== undefined}
        destroyOnHidden
        title={
          dialog?.kind === 'refer'
            ? `提请主管部门核实：${INDICATOR_LABELS[dialog.task.indicator] ?? dialog.task.indicator}`
            : dialog?.kind === 'refuse'
              ? '不予积分'
              : dialog?.kind === 'decrease'
                ? '扣减积分（形成新的核定）'
                : '区级复核决定'
        }
        okText="确定"
        cancelText="取消"
        confirmLoading={busy}
        onOk={() => void submitDialog().catch(() => undefined)}
        onCancel={() => {
          setDialog(undefined);
          setDialogError(undefined);
          form.resetFields();
        }}
      >
        <ProblemAlert error={dialogError} />
        <Form form={form} layout="vertical" preserve={false}>
          {dialog?.kind === 'refer' ? (
            <Form.Item
              label="核实机构"
              name="authority"
              rules={[{ required: true, whitespace: true, message: '请填写核实机构' }]}
              extra="核实期间计时暂停，案件显示由该机构经办。"
            >
              <Input maxLength={100} placeholder="如：市教委学历认证中心" />
            </Form.Item>
          ) : null}
          {dialog?.kind === 'refuse' ? (
            <>
              <Form.Item
                label="理由"
                name="text"
                rules={[{ required: true, whitespace: true, message: '请填写理由' }]}
              >
                <Input.TextArea rows={3} maxLength={500} />
              </Form.Item>
              <Form.Item
                label="依据"
                name="citation"
                rules={[{ required: true, whitespace: true, message: '请填写依据' }]}
              >
                <Input maxLength={200} placeholder="如：实施细则 第十四条" />
              </Form.Item>
            </>
          ) : null}
          {dialog?.kind === 'decrease' ? (
            <Form.Item
              label="扣减理由"
              name="reason"
              rules={[{ required: true, whitespace: true, message: '请填写扣减理由' }]}
              extra="扣减后的分值由规则引擎依现有事实重新计算，并通知持证人与单位。"
            >
              <Input.TextArea rows={3} maxLength={500} />
            </Form.Item>
          ) : null}
          {dialog?.kind === 'reconsideration' ? (
            <>
              <RedeterminationPreview caseId={view.caseId} />
              <Form.Item label="复核结果" name="outcome" initialValue="upheld" rules={[{ required: true }]}>
                <Radio.Group
                  options={[
                    { value: 'upheld', label: '维持原核定' },
                    { value: 'changed', label: '变更核定（重新计算）' },
                  ]}
                />
              </Form.Item>
              <Form.Item
                label="决定理由"
                name="reasons"
                rules={[{ required: true, whitespace: true, message: '请填写决定理由' }]}
              >
                <Input.TextArea rows={3} maxLength={1000} />
              </Form.Item>
            </>
          ) : null}
        </Form>
      </Modal>
      <CaseTimeline caseId={view.caseId} version={view.version} />
    </>
  );
}
