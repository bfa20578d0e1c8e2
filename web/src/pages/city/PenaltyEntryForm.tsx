import { Alert, Button, DatePicker, Form, Input, InputNumber, Radio, Space, Switch, Typography } from 'antd';
import type { Dayjs } from 'dayjs';
import { useRef, useState } from 'react';
import { api, newIdempotencyKey } from '../../api/client';
import { applyFieldErrors, ProblemAlert } from '../../components/ProblemAlert';
import type { CaseSummary, Page } from './cityTypes';

interface Values {
  party: 'individual' | 'unit';
  applicationNo: string;
  serious: boolean;
  reason: string;
  legalBasis: string;
  fineCny?: number;
  decidedOn: Dayjs;
}

type Found = Pick<CaseSummary, 'caseId' | 'holderId' | 'unitId'> & {
  applicationNo?: string | null;
  holderName?: string | null;
  unitName?: string | null;
};

const LABELS = {
  party: '处罚对象',
  holderId: '申请编号',
  unitId: '申请编号',
  caseId: '申请编号',
  serious: '情节严重',
  reason: '事实与理由',
  legalBasis: '处罚依据',
  fineCny: '罚款金额（元）',
  decidedOn: '决定日期',
};

/**
 * 登记处罚 (细则 第十四条): the city records a penalty against the person or the
 * unit of an application, found by its application number, with the facts, the
 * legal basis and the date of the decision. The amounts and durations the policy
 * sets are checked by the server against the rules; nothing is assumed here.
 */
export function PenaltyEntryForm({ onDone }: { onDone: () => void }) {
  const [form] = Form.useForm<Values>();
  const [error, setError] = useState<unknown>();
  const [found, setFound] = useState<Found>();
  const [saving, setSaving] = useState(false);
  const [saved, setSaved] = useState(false);
  const key = useRef(newIdempotencyKey());
  const party = Form.useWatch('party', form);

  const lookup = async (no: string): Promise<Found | undefined> => {
    const page = await api<Page<Found>>('GET', '/api/v1/city/cases', undefined, {
      query: { q: no.trim(), limit: 2 },
    });
    return page.total === 1 ? page.items[0] : undefined;
  };

  return (
    <Form<Values>
      form={form}
      layout="vertical"
      aria-label="登记处罚"
      initialValues={{ party: 'individual', serious: false }}
      onValuesChange={() => setSaved(false)}
      onFinish={async (v) => {
        setError(undefined);
        setSaving(true);
        try {
          const c = await lookup(v.applicationNo);
          setFound(c);
          if (!c) {
            form.setFields([{ name: 'applicationNo', errors: ['没有找到这个申请编号的案件'] }]);
            return;
          }
          await api(
            'POST',
            '/api/v1/city/penalties',
            {
              party: v.party,
              ...(v.party === 'unit' ? { unitId: c.unitId, fineCny: v.fineCny } : { holderId: c.holderId }),
              caseId: c.caseId,
              serious: v.serious,
              reason: v.reason,
              legalBasis: v.legalBasis,
              decidedOn: v.decidedOn.format('YYYY-MM-DD'),
            },
            { idempotencyKey: key.current },
          );
          key.current = newIdempotencyKey();
          setSaved(true);
          form.resetFields(['reason', 'legalBasis', 'fineCny', 'applicationNo']);
          onDone();
        } catch (e) {
          setError(e);
          applyFieldErrors(form, e, ['input']);
        } finally {
          setSaving(false);
        }
      }}
    >
      <ProblemAlert error={error} labels={LABELS} />
      {saved ? (
        <Alert
          role="status"
          type="success"
          showIcon
          style={{ marginBottom: 12 }}
          title={<span data-testid="penalty-saved">处罚已登记并记入审计日志</span>}
        />
      ) : null}
      <Form.Item label="处罚对象" name="party">
        <Radio.Group
          options={[
            { value: 'individual', label: '个人（持证人）' },
            { value: 'unit', label: '用人单位' },
          ]}
        />
      </Form.Item>
      <Form.Item
        label="申请编号"
        name="applicationNo"
        extra="按申请编号确定当事人：个人为该申请的持证人，单位为提交该申请的用人单位。"
        rules={[{ required: true, message: '请填写申请编号' }]}
      >
        <Input style={{ maxWidth: 260 }} autoComplete="off" />
      </Form.Item>
      {found ? (
        <Typography.Paragraph type="secondary">
          当事人：{party === 'unit' ? (found.unitName ?? '—') : (found.holderName ?? '—')}
        </Typography.Paragraph>
      ) : null}
      <Form.Item label="事实与理由" name="reason" rules={[{ required: true, message: '请填写事实与理由' }]}>
        <Input.TextArea rows={3} maxLength={500} showCount />
      </Form.Item>
      <Form.Item
        label="处罚依据"
        name="legalBasis"
        rules={[{ required: true, message: '请填写处罚依据（条款）' }]}
      >
        <Input maxLength={200} placeholder="如：实施细则 第十四条" />
      </Form.Item>
      {party === 'unit' ? (
        <Form.Item
          label="罚款金额（元）"
          name="fineCny"
          rules={[{ required: true, message: '请填写罚款金额' }]}
        >
          <InputNumber min={0} precision={0} style={{ width: 200 }} />
        </Form.Item>
      ) : null}
      <Space size={24} wrap>
        <Form.Item label="情节严重" name="serious" valuePropName="checked">
          <Switch checkedChildren="是" unCheckedChildren="否" />
        </Form.Item>
        <Form.Item label="决定日期" name="decidedOn" rules={[{ required: true, message: '请选择决定日期' }]}>
          <DatePicker />
        </Form.Item>
      </Space>
      <Form.Item>
        <Button type="primary" htmlType="submit" loading={saving}>
          登记处罚
        </Button>
      </Form.Item>
    </Form>
  );
}
