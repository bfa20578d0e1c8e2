import { Button, Card, Descriptions, Form, Input, Result, Spin, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { useSearchParams } from 'react-router';
import { api, ApiError } from '../../api/client';
import { ProblemAlert } from '../../components/ProblemAlert';
import { ReadableTheme } from '../../components/ReadableTheme';
import type { NoticeVerification } from '../../profile/types';

const STATUS = {
  valid: { status: 'success', title: '核验通过：这是现行有效的积分核定' },
  superseded: { status: 'warning', title: '该通知书已被新的核定取代，不再有效' },
  lapsed: { status: 'warning', title: '该通知书对应的积分已失效' },
  unknown: { status: 'error', title: '查无此核验码' },
} as const;

/**
 * 通知书核验: the code printed on a 积分通知书 → the authentic, masked summary,
 * or a clear "unknown / superseded / lapsed". `/verify?code=…` opens with it.
 */
export default function VerifyPage() {
  const [params, setParams] = useSearchParams();
  const code = params.get('code')?.trim() ?? '';
  const [form] = Form.useForm<{ code: string }>();
  const [state, setState] = useState<{ data?: NoticeVerification; error?: unknown; loading: boolean }>({
    loading: false,
  });

  useEffect(() => {
    form.setFieldsValue({ code });
    if (!code) {
      setState({ loading: false });
      return;
    }
    const ctrl = new AbortController();
    setState({ loading: true });
    api<NoticeVerification>('GET', `/api/v1/notices/${encodeURIComponent(code)}`, undefined, {
      signal: ctrl.signal,
    }).then(
      (data) => setState({ data, loading: false }),
      (error: unknown) => {
        if ((error as Error).name === 'AbortError') return;
        setState({ error, loading: false });
        if (error instanceof ApiError && error.fields.length)
          form.setFields([{ name: 'code', errors: error.fields.map((f) => f.message) }]);
      },
    );
    return () => ctrl.abort();
  }, [code, form]);

  const v = state.data;
  const shown = v ? STATUS[v.status] : undefined;
  return (
    <ReadableTheme>
      <Typography.Title level={1} style={{ fontSize: 26 }}>
        积分通知书核验
      </Typography.Title>
      <Typography.Paragraph style={{ maxWidth: 760 }}>
        输入《上海市居住证积分通知书》上印制的核验码，查看该通知书是否真实、是否仍为现行有效的核定。为保护个人信息，姓名和证件号码已部分隐去。
      </Typography.Paragraph>
      <Card style={{ maxWidth: 760 }}>
        <Form
          form={form}
          layout="vertical"
          name="verify"
          onFinish={(values) => setParams({ code: values.code.trim() })}
          style={{ display: 'flex', gap: 8, flexWrap: 'wrap', alignItems: 'flex-end' }}
        >
          <Form.Item
            label="核验码"
            name="code"
            rules={[{ required: true, whitespace: true, message: '请输入通知书上的核验码' }]}
            style={{ flex: '1 1 240px', marginBottom: 0 }}
          >
            <Input autoComplete="off" spellCheck={false} placeholder="例如 7K3M9Q2X8P4D" maxLength={32} />
          </Form.Item>
          <Form.Item style={{ marginBottom: 0 }}>
            <Button type="primary" htmlType="submit" loading={state.loading}>
              核验
            </Button>
          </Form.Item>
        </Form>
      </Card>
      <div style={{ maxWidth: 760, marginTop: 16 }} aria-live="polite">
        {state.loading && <Spin description="正在核验…" />}
        {state.error !== undefined && <ProblemAlert error={state.error} labels={{ code: '核验码' }} />}
        {v && shown && (
          <Card data-testid={`verify-${v.status}`}>
            <Result
              status={shown.status}
              title={<h2 style={{ fontSize: 20, margin: 0 }}>{shown.title}</h2>}
              subTitle={
                v.status === 'unknown'
                  ? `核验码 ${v.code} 不对应任何积分通知书。请核对输入是否有误；如仍无法核验，该通知书可能不是本系统出具的。`
                  : `核验码 ${v.code}`
              }
              style={{ padding: '16px 0' }}
            />
            {v.summary && (
              <Descriptions bordered column={1} size="small" title="通知书信息（已脱敏）">
                <Descriptions.Item label="持证人">{v.summary.holderName}</Descriptions.Item>
                <Descriptions.Item label="证件号码">{v.summary.holderIdNumber}</Descriptions.Item>
                <Descriptions.Item label="受理区">{v.summary.district}</Descriptions.Item>
                <Descriptions.Item label="核定积分">
                  <strong data-testid="verify-total">{v.summary.total}</strong> 分
                </Descriptions.Item>
                <Descriptions.Item label="适用政策版本">{v.summary.rulesVersion}</Descriptions.Item>
                <Descriptions.Item label="核定序号">第 {v.summary.sequence} 次核定</Descriptions.Item>
                <Descriptions.Item label="核定时间">{v.summary.decidedAt.slice(0, 10)}</Descriptions.Item>
              </Descriptions>
            )}
          </Card>
        )}
      </div>
    </ReadableTheme>
  );
}
