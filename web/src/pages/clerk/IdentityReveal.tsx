import { Alert, Button, Form, Input, Modal, Select, Typography } from 'antd';
import { useState } from 'react';
import { api } from '../../api/client';
import { ProblemAlert } from '../../components/ProblemAlert';

const REASONS = ['窗口核对本人身份证件', '核对申请材料上的证件号码', '持证人本人当面查询'];
const OTHER = '其他';

/**
 * 查看完整证件号 (issue 15): an explicit act with a stated reason, audited by
 * the server; the number is shown in this dialog only and forgotten when it
 * closes (never kept in the page's state or the URL).
 */
export function IdentityReveal({
  caseId,
  masked,
  onRevealed,
}: {
  caseId: string;
  masked: string;
  /** Called after an audited reveal (the timeline shows it). */
  onRevealed?: () => void;
}) {
  const [open, setOpen] = useState(false);
  const [number, setNumber] = useState<string>();
  const [error, setError] = useState<unknown>();
  const [busy, setBusy] = useState(false);
  const [form] = Form.useForm<{ choice: string; other?: string }>();
  const choice = Form.useWatch('choice', form);

  const close = () => {
    setOpen(false);
    setNumber(undefined);
    setError(undefined);
    form.resetFields();
  };
  const reveal = async () => {
    const v = await form.validateFields();
    const reason = v.choice === OTHER ? (v.other ?? '').trim() : v.choice;
    setBusy(true);
    setError(undefined);
    try {
      const r = await api<{ idNumber: string }>(
        'POST',
        `/api/v1/cases/${encodeURIComponent(caseId)}/identity-reveal`,
        { reason },
      );
      setNumber(r.idNumber);
      onRevealed?.();
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  };

  return (
    <>
      <Typography.Text>
        公民身份号码 {masked}{' '}
        <Button size="small" onClick={() => setOpen(true)}>
          查看完整证件号
        </Button>
      </Typography.Text>
      <Modal
        open={open}
        title="查看完整证件号"
        onCancel={close}
        destroyOnHidden
        footer={
          number
            ? [
                <Button key="close" type="primary" onClick={close}>
                  关闭
                </Button>,
              ]
            : [
                <Button key="cancel" onClick={close}>
                  取消
                </Button>,
                <Button key="ok" type="primary" loading={busy} onClick={() => void reveal()}>
                  查看
                </Button>,
              ]
        }
      >
        {number ? (
          <Alert
            type="info"
            showIcon
            title={
              <>
                公民身份号码：
                <Typography.Text strong copyable={false} data-testid="revealed-id-number">
                  {number}
                </Typography.Text>
              </>
            }
            description="本次查看已记入审计记录。关闭后不再显示，如需再次查看须重新说明原因。"
          />
        ) : (
          <>
            <Typography.Paragraph type="secondary">
              完整证件号属于个人敏感信息，仅在核对身份时查看；每次查看均记录查看人、时间和原因。
            </Typography.Paragraph>
            <ProblemAlert error={error} />
            <Form form={form} layout="vertical">
              <Form.Item
                name="choice"
                label="查看原因"
                rules={[{ required: true, message: '请选择查看原因' }]}
              >
                <Select
                  options={[...REASONS, OTHER].map((r) => ({ value: r, label: r }))}
                  placeholder="请选择"
                />
              </Form.Item>
              {choice === OTHER ? (
                <Form.Item
                  name="other"
                  label="原因说明"
                  rules={[
                    { required: true, whitespace: true, message: '请填写查看原因' },
                    { min: 2, message: '请填写查看原因（至少两个字）' },
                  ]}
                >
                  <Input.TextArea maxLength={100} rows={2} />
                </Form.Item>
              ) : null}
            </Form>
          </>
        )}
      </Modal>
    </>
  );
}
