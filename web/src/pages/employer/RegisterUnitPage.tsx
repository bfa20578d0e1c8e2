import { Button, Card, Form, Input, Result, Select, Typography } from 'antd';
import { useState } from 'react';
import { Link } from 'react-router';
import { command } from '../../api/client';
import type { RegisterUnitInput } from '../../api/contract';
import { applyFieldErrors, ProblemAlert } from '../../components/ProblemAlert';
import { DISTRICTS } from '../../vocabulary';
import { UNIT_KIND_LABELS } from '../workflow/caseTypes';

interface Values {
  unit: RegisterUnitInput;
  hr: { username: string; displayName: string; password: string };
}

/** 用人单位网上注册 (public): the unit and its HR officer's account; the district's counter verifies it. */
export default function RegisterUnitPage() {
  const [form] = Form.useForm<Values>();
  const [error, setError] = useState<unknown>();
  const [busy, setBusy] = useState(false);
  const [done, setDone] = useState<{ username: string; district: string }>();
  if (done)
    return (
      <Result
        status="success"
        title="单位注册已提交"
        subTitle={`请等待${done.district}受理点核验；核验通过后，经办人可用账号 ${done.username} 登录为员工申报积分。`}
        extra={<Link to="/login">去登录</Link>}
      />
    );
  return (
    <Card title="用人单位网上注册" style={{ maxWidth: 720, margin: '0 auto' }}>
      <Typography.Paragraph type="secondary">
        注册后须经单位注册地所在区的受理点核验，方可为本单位员工申报居住证积分。
      </Typography.Paragraph>
      <ProblemAlert error={error} />
      <Form
        form={form}
        layout="vertical"
        onFinish={async (v) => {
          setBusy(true);
          setError(undefined);
          try {
            await command('/api/v1/units/register', v);
            setDone({ username: v.hr.username, district: v.unit.district });
          } catch (e) {
            setError(e);
            applyFieldErrors(form, e, ['input']);
          } finally {
            setBusy(false);
          }
        }}
      >
        <fieldset style={{ border: 0, padding: 0, margin: 0 }}>
          <legend style={{ fontWeight: 600, marginBottom: 8 }}>单位信息</legend>
          <Form.Item
            label="单位名称"
            name={['unit', 'name']}
            rules={[{ required: true, message: '请填写单位名称' }]}
          >
            <Input maxLength={200} />
          </Form.Item>
          <Form.Item
            label="统一社会信用代码"
            name={['unit', 'creditCode']}
            rules={[{ required: true, message: '请填写统一社会信用代码' }]}
          >
            <Input maxLength={18} />
          </Form.Item>
          <Form.Item
            label="注册所在区"
            name={['unit', 'district']}
            rules={[{ required: true, message: '请选择所在区' }]}
          >
            <Select options={DISTRICTS.map((d) => ({ value: d, label: d }))} />
          </Form.Item>
          <Form.Item
            label="单位类型"
            name={['unit', 'kind']}
            rules={[{ required: true, message: '请选择单位类型' }]}
          >
            <Select options={Object.entries(UNIT_KIND_LABELS).map(([value, label]) => ({ value, label }))} />
          </Form.Item>
        </fieldset>
        <fieldset style={{ border: 0, padding: 0, margin: 0 }}>
          <legend style={{ fontWeight: 600, marginBottom: 8 }}>经办人账号</legend>
          <Form.Item
            label="用户名"
            name={['hr', 'username']}
            rules={[{ required: true, message: '请填写用户名' }]}
          >
            <Input autoComplete="username" maxLength={64} />
          </Form.Item>
          <Form.Item
            label="经办人姓名"
            name={['hr', 'displayName']}
            rules={[{ required: true, message: '请填写姓名' }]}
          >
            <Input maxLength={64} />
          </Form.Item>
          <Form.Item
            label="密码"
            name={['hr', 'password']}
            rules={[{ required: true, message: '请设置密码' }]}
            extra="至少 12 位"
          >
            <Input.Password autoComplete="new-password" />
          </Form.Item>
        </fieldset>
        <Button type="primary" htmlType="submit" loading={busy}>
          提交注册
        </Button>
      </Form>
    </Card>
  );
}
