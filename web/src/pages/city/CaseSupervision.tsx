import {
  Button,
  Card,
  Checkbox,
  Descriptions,
  Form,
  Input,
  InputNumber,
  Radio,
  Select,
  Space,
  Table,
  Tag,
  Typography,
  message,
} from 'antd';
import { useState } from 'react';
import { command } from '../../api/client';
import { useRulesAt, valueOf } from '../../profile/policyRules';
import type { CaseView, CorrectPointsInput, FalseMaterialInput } from '../../api/contract';
import { ProblemAlert, applyFieldErrors } from '../../components/ProblemAlert';
import { CaseTimeline } from '../../components/CaseTimeline';
import { useConfirm } from '../../components/useConfirm';
import { CONFIRM_TEXTS } from '../workflow/confirmTexts';
import { TaskAssignment } from '../workflow/TaskAssignment';

export type { CaseView } from '../../api/contract';

const TASK_STATUS: Record<string, string> = {
  open: '待审核',
  passed: '属实',
  failed: '不属实',
  referred: '已提请核实',
};

/** The case as the supervisor sees it, with the two city-level commands: correction and city reconsideration. */
export function CaseSupervision({ view, onChanged }: { view: CaseView; onChanged: () => void }) {
  const cityPending = view.reconsiderations.some((r) => r.level === 'city' && r.status === 'requested');
  const anyPending = view.reconsiderations.some((r) => r.status === 'requested');
  return (
    <Space direction="vertical" style={{ width: '100%' }} size="middle">
      <Descriptions size="small" column={1} bordered>
        <Descriptions.Item label="申请编号">{view.applicationNo ?? '（未编号）'}</Descriptions.Item>
        <Descriptions.Item label="状态">
          {view.stateLabel}
          {view.reconsideration ? <Tag style={{ marginLeft: 8 }}>{view.reconsideration}</Tag> : null}
        </Descriptions.Item>
        <Descriptions.Item label="所在区">{view.district}</Descriptions.Item>
        <Descriptions.Item label="单位">{view.unit?.name ?? '—'}</Descriptions.Item>
        <Descriptions.Item label="持证人">
          {view.holder ? `${view.holder.name}（${view.holder.idNumberMasked}）` : '—'}
        </Descriptions.Item>
        <Descriptions.Item label="经办方">{view.heldBy.label}</Descriptions.Item>
        <Descriptions.Item label="现行核定">
          {view.points === null ? '—' : `${view.points} 分`}
        </Descriptions.Item>
      </Descriptions>
      {view.determinations.length > 0 ? (
        <Table
          size="small"
          rowKey="id"
          pagination={false}
          title={() => '核定记录（历史保留，不覆盖）'}
          dataSource={view.determinations}
          columns={[
            { title: '序号', dataIndex: 'sequence' },
            { title: '积分', dataIndex: 'total' },
            { title: '原因', dataIndex: 'reason' },
            { title: '政策版本', dataIndex: 'rulesVersion' },
          ]}
        />
      ) : null}
      {view.state === 'under_review' ? (
        <TaskAssignment
          caseId={view.caseId}
          version={view.version}
          district={view.district}
          tasks={view.reviewTasks.map((t) => ({ ...t, id: t.indicator }))}
          asCity
          onDone={onChanged}
        />
      ) : null}
      {view.state === 'determined' && !anyPending ? <CorrectionForm view={view} onDone={onChanged} /> : null}
      {view.state === 'determined' && anyPending && !cityPending ? (
        <Typography.Paragraph type="secondary">
          复核申请尚未决定：待复核决定后方可监督纠正。
        </Typography.Paragraph>
      ) : null}
      {cityPending ? <CityReconsiderationForm view={view} onDone={onChanged} /> : null}
      <CaseTimeline caseId={view.caseId} version={view.version} />
    </Space>
  );
}

/**
 * The correction form's values: the command's input, the switch that shows the penalty fields, and a
 * penalty whose 情节严重 switch may be untouched (sent as false).
 */
type CorrectionValues = Omit<CorrectPointsInput, 'falseMaterial'> & {
  penalty?: boolean;
  falseMaterial?: Omit<FalseMaterialInput, 'serious'> & Partial<Pick<FalseMaterialInput, 'serious'>>;
};

function CorrectionForm({ view, onDone }: { view: CaseView; onDone: () => void }) {
  const [form] = Form.useForm();
  const [error, setError] = useState<unknown>();
  const [busy, setBusy] = useState(false);
  const confirm = useConfirm();
  // 细则 第十四条: the deduction and the bar come from the rules data in force today.
  const rules = useRulesAt(undefined);
  const points = valueOf(rules, 'false_material', 'pointsPerRecord');
  const years = valueOf(rules, 'false_material', 'windowYears');
  const barYears = valueOf(rules, 'eligibility', 'personalBarYears');
  const penalty = Form.useWatch('penalty', form) as boolean | undefined;
  const party = Form.useWatch(['falseMaterial', 'party'], form) as string | undefined;
  const passed = view.reviewTasks.filter((t) => t.status === 'passed');
  const submit = async (v: CorrectionValues) => {
    if (!(await confirm(CONFIRM_TEXTS.correct!))) return;
    setBusy(true);
    setError(undefined);
    try {
      const body: CorrectPointsInput = {
        reason: v.reason,
        irregularIndicators: v.irregularIndicators ?? [],
        ...(v.penalty && v.falseMaterial
          ? { falseMaterial: { ...v.falseMaterial, serious: v.falseMaterial.serious ?? false } }
          : {}),
      };
      await command(`/api/v1/cases/${encodeURIComponent(view.caseId)}/correct`, body, {
        ifMatch: view.version,
      });
      void message.success('已纠正：规则引擎按其余属实的事实重新核定，由原受理区通知持证人');
      form.resetFields();
      onDone();
    } catch (e) {
      setError(e);
      applyFieldErrors(form, e, ['input']);
    } finally {
      setBusy(false);
    }
  };
  return (
    <Card size="small" title="监督纠正（使用违规材料取得的积分）">
      <Typography.Paragraph type="secondary" style={{ fontSize: 13 }}>
        标记使用违规材料的指标后，积分由规则引擎按其余属实的事实重新计算（不可手填），形成新的核定。
      </Typography.Paragraph>
      <ProblemAlert error={error} />
      <Form form={form} layout="vertical" onFinish={(v) => void submit(v)} aria-label="监督纠正">
        <Form.Item
          name="irregularIndicators"
          label="使用违规材料的指标"
          rules={[{ required: true, message: '请至少选择一项' }]}
        >
          <Select
            mode="multiple"
            placeholder="选择审核属实的指标"
            options={passed.map((t) => ({ value: t.indicator, label: t.indicator }))}
          />
        </Form.Item>
        <Form.Item name="reason" label="纠正理由" rules={[{ required: true, message: '请填写纠正理由' }]}>
          <Input.TextArea rows={2} maxLength={500} />
        </Form.Item>
        <Form.Item name="penalty" valuePropName="checked">
          <Checkbox>同时记录虚假材料处罚（细则 第十四条）</Checkbox>
        </Form.Item>
        {penalty ? (
          <>
            <Form.Item name={['falseMaterial', 'party']} label="处罚对象" initialValue="individual">
              <Radio.Group
                options={[
                  {
                    value: 'individual',
                    label:
                      points === undefined
                        ? '个人（扣分）'
                        : `个人（${String(points)} 分，${String(years)} 年）`,
                  },
                  { value: 'unit', label: '单位（罚款 3–5 万元）' },
                ]}
              />
            </Form.Item>
            {party === 'unit' ? (
              <Form.Item name={['falseMaterial', 'fineCny']} label="罚款金额（元）">
                <InputNumber min={30000} max={50000} step={1000} style={{ width: 200 }} />
              </Form.Item>
            ) : null}
            <Form.Item name={['falseMaterial', 'serious']} valuePropName="checked">
              <Checkbox>
                情节严重（{barYears === undefined ? '一定期限' : `${String(barYears)} 年`}内不得申请 /
                代为申报）
              </Checkbox>
            </Form.Item>
            <Form.Item name={['falseMaterial', 'reason']} label="处罚理由">
              <Input.TextArea rows={2} maxLength={500} />
            </Form.Item>
          </>
        ) : null}
        <Button type="primary" danger htmlType="submit" loading={busy}>
          纠正积分
        </Button>
      </Form>
    </Card>
  );
}

function CityReconsiderationForm({ view, onDone }: { view: CaseView; onDone: () => void }) {
  const [form] = Form.useForm();
  const [error, setError] = useState<unknown>();
  const [busy, setBusy] = useState(false);
  const confirm = useConfirm();
  const outcome = Form.useWatch('outcome', form) as string | undefined;
  const request = view.reconsiderations.find((r) => r.level === 'city' && r.status === 'requested');
  const submit = async (v: { outcome: string; reasons: string; overturn?: Record<string, string> }) => {
    if (!(await confirm(CONFIRM_TEXTS['reconsideration-decision']!))) return;
    setBusy(true);
    setError(undefined);
    try {
      const findings = Object.entries(v.overturn ?? {})
        .filter(([, r]) => r)
        .map(([indicator, result]) => ({ indicator, result }));
      await command(
        `/api/v1/cases/${encodeURIComponent(view.caseId)}/reconsideration-decision`,
        { outcome: v.outcome, reasons: v.reasons, ...(v.outcome === 'changed' ? { findings } : {}) },
        { ifMatch: view.version },
      );
      void message.success('已作出市级复核决定');
      onDone();
    } catch (e) {
      setError(e);
      applyFieldErrors(form, e, ['input']);
    } finally {
      setBusy(false);
    }
  };
  return (
    <Card size="small" title="市级复核决定">
      {request ? (
        <Typography.Paragraph>
          复核请求：{request.grounds}
          {request.dueDate ? `（决定期限 ${request.dueDate}）` : ''}
        </Typography.Paragraph>
      ) : null}
      <ProblemAlert error={error} />
      <Form
        form={form}
        layout="vertical"
        onFinish={(v) => void submit(v)}
        aria-label="市级复核决定"
        initialValues={{ outcome: 'upheld' }}
      >
        <Form.Item name="outcome" label="决定">
          <Radio.Group
            options={[
              { value: 'upheld', label: '维持原核定' },
              { value: 'changed', label: '变更（由规则引擎重新核定）' },
            ]}
          />
        </Form.Item>
        {outcome === 'changed'
          ? view.reviewTasks.map((t) => (
              <Form.Item
                key={t.indicator}
                name={['overturn', t.indicator]}
                label={`${t.indicator}（现为${TASK_STATUS[t.status] ?? t.status}）`}
              >
                <Select
                  allowClear
                  placeholder="不变"
                  options={[
                    { value: 'passed', label: '认定属实' },
                    { value: 'failed', label: '认定不属实' },
                  ]}
                />
              </Form.Item>
            ))
          : null}
        <Form.Item name="reasons" label="理由" rules={[{ required: true, message: '请填写复核决定的理由' }]}>
          <Input.TextArea rows={3} maxLength={2000} />
        </Form.Item>
        <Button type="primary" htmlType="submit" loading={busy}>
          作出决定
        </Button>
      </Form>
    </Card>
  );
}
