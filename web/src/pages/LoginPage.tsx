import { Button, Card, Form, Input, Typography } from 'antd';
import { useState } from 'react';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { useSession } from '../api/session';
import { ROLE_MENU } from '../components/AppLayout';
import { ProblemAlert } from '../components/ProblemAlert';

export default function LoginPage() {
  const { login } = useSession();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const [error, setError] = useState<unknown>();
  const [busy, setBusy] = useState(false);
  return (
    <Card title="登录" style={{ maxWidth: 420, margin: '32px auto' }}>
      <ProblemAlert error={error} />
      <Form
        layout="vertical"
        onFinish={async (v: { username: string; password: string }) => {
          setBusy(true);
          setError(undefined);
          try {
            const user = await login(v.username, v.password);
            // A password set by someone else (the unit, the administrator, a reset) is changed first.
            if (user.passwordChangeRequired) await navigate('/account/password');
            else await navigate(params.get('next') ?? ROLE_MENU[user.role][0]?.key ?? '/');
          } catch (e) {
            setError(e);
          } finally {
            setBusy(false);
          }
        }}
      >
        <Form.Item label="用户名" name="username" rules={[{ required: true, message: '请输入用户名' }]}>
          <Input autoComplete="username" />
        </Form.Item>
        <Form.Item label="密码" name="password" rules={[{ required: true, message: '请输入密码' }]}>
          <Input.Password autoComplete="current-password" />
        </Form.Item>
        <Button type="primary" htmlType="submit" loading={busy} block>
          登录
        </Button>
      </Form>
      <Typography.Paragraph style={{ marginTop: 16, marginBottom: 0 }}>
        用人单位还没有账号？
        <Link to="/register-unit" style={{ textDecoration: 'underline' }}>
          单位注册
        </Link>
      </Typography.Paragraph>
    </Card>
  );
}
