import { Alert, Button, Card, DatePicker, Form, Input, Select, Typography } from 'antd';
import type { Dayjs } from 'dayjs';
import { useState } from 'react';
import { applyFieldErrors, ProblemAlert } from '../../components/ProblemAlert';
import { URGENCY_REASONS, type CaseView, type CommandResult } from '../workflow/caseTypes';

const IN_PROGRESS = ['submitted', 'supplement_required', 'accepted', 'under_review', 'verified'];

/**
 * What else the unit may ask of a case (workflow.md): a 加急说明 while it is in
 * progress — a fixed reason and a date; it moves the case up the officers'
 * queues but never changes a deadline — and, once points are determined, a
 * request to adjust them with new proofs (细则 第九条), which files the case again
 * while the determination in force stays in force.
 */
export function UnitCaseRequests({
  view,
  busy,
  run,
}: {
  view: CaseView;
  busy: boolean;
  run: (segment: string, body: unknown) => Promise<CommandResult>;
}) {
  const [urgencyForm] = Form.useForm<{ reason: string; date: Dayjs; text?: string }>();
  const [adjustForm] = Form.useForm<{ reason: string }>();
  const [error, setError] = useState<unknown>();
  const [done, setDone] = useState<string>();
  const inProgress = IN_PROGRESS.includes(view.state);
  if (!inProgress && view.state !== 'determined') return null;
  const send = async (
    segment: string,
    body: unknown,
    form: typeof urgencyForm | typeof adjustForm,
    ok: string,
  ) => {
    setError(undefined);
    setDone(undefined);
    try {
      await run(segment, body);
      setDone(ok);
      form.resetFields();
    } catch (e) {
      setError(e);
      applyFieldErrors(form, e, ['input']);
    }
  };
  return (
    <Card title={inProgress ? '加急说明' : '申请调整积分'} size="small" style={{ marginTop: 16 }}>
      <ProblemAlert error={error} />
      {done ? (
        <Alert type="success" showIcon title={done} style={{ marginBottom: 12 }} role="status" />
      ) : null}
      {inProgress ? (
        <>
          <Typography.Paragraph type="secondary">
            {view.urgency
              ? `已附加急说明：${URGENCY_REASONS[view.urgency.reason] ?? view.urgency.reason}（${view.urgency.date}）。再次提交将替换。`
              : '如持证人有子女入学、中考/高考报名或社保、就医等需要，可附加急说明。经办机构据此优先排序，但不改变任何法定办理期限。'}
          </Typography.Paragraph>
          <Form
            form={urgencyForm}
            layout="inline"
            onFinish={(v) =>
              void send(
                'urgency-note',
                { reason: v.reason, date: v.date.format('YYYY-MM-DD'), ...(v.text ? { text: v.text } : {}) },
                urgencyForm,
                '已附加急说明',
              )
            }
          >
            <Form.Item label="理由" name="reason" rules={[{ required: true, message: '请选择理由' }]}>
              <Select
                style={{ width: 200 }}
                options={Object.entries(URGENCY_REASONS).map(([value, label]) => ({ value, label }))}
              />
            </Form.Item>
            <Form.Item label="所需日期" name="date" rules={[{ required: true, message: '请选择日期' }]}>
              <DatePicker />
            </Form.Item>
            <Form.Item label="补充说明" name="text">
              <Input maxLength={300} style={{ width: 240 }} />
            </Form.Item>
            <Button htmlType="submit" loading={busy}>
              提交加急说明
            </Button>
          </Form>
        </>
      ) : (
        <>
          <Typography.Paragraph type="secondary">
            持证人情况变化需调整积分的，由单位提交相关材料。申请后案件回到单位填报，现行核定在新的核定作出前继续有效。
          </Typography.Paragraph>
          <Form
            form={adjustForm}
            layout="vertical"
            onFinish={(v) =>
              void send(
                'request-adjustment',
                { reason: v.reason },
                adjustForm,
                '已申请调整积分，请补充材料后重新提交',
              )
            }
          >
            <Form.Item label="调整理由" name="reason" rules={[{ required: true, message: '请填写调整理由' }]}>
              <Input.TextArea rows={2} maxLength={500} />
            </Form.Item>
            <Button htmlType="submit" loading={busy}>
              申请调整积分
            </Button>
          </Form>
        </>
      )}
    </Card>
  );
}
