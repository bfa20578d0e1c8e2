import { Alert, Button, Card, Form, Input, Typography, message } from 'antd';
import { useState } from 'react';
import { useNavigate } from 'react-router';
import { ApiError } from '../../api/client';
import { useSession } from '../../api/session';
import { ROLE_MENU } from '../../components/AppLayout';
import { applyFieldErrors } from '../../components/ProblemAlert';

/** The password rules the server applies (src/accounts/passwordPolicy.ts), in the words of the form. */
const RULES_HINT = '至少 12 个字符，不能只由空格组成，不能包含用户名，不能是常见密码；可以使用一句话。';

/**
 * 修改密码, for every signed-in role. When the password was set by someone else
 * (the unit opened the login, the administrator created or reset the account),
 * the user lands here after login and cannot open the workspace until it is
 * changed. On success the other devices are signed out; this one stays.
 */
export default function ChangePasswordPage() {
  const { user: signedIn, changePassword } = useSession();
  // Under RequireRole: someone is signed in.
  const user = signedIn!;
  const navigate = useNavigate();
  const [form] = Form.useForm();
  const [error, setError] = useState<string>();
  const [busy, setBusy] = useState(false);
  const forced = user.passwordChangeRequired === true;
  return (
    <Card title={forced ? '请设置新密码' : '修改密码'} style={{ maxWidth: 480, margin: '32px auto' }}>
      {forced ? (
        <Alert
          type="warning"
          showIcon
          style={{ marginBottom: 16 }}
          title="您的密码由他人设置（开立账号或重置密码），须先改为只有您自己知道的密码，才能继续使用。"
        />
      ) : null}
      {error ? <Alert role="alert" type="error" showIcon style={{ marginBottom: 16 }} title={error} /> : null}
      <Form
        form={form}
        layout="vertical"
        aria-label="修改密码"
        onFinish={async (v: { currentPassword: string; newPassword: string }) => {
          setBusy(true);
          setError(undefined);
          try {
            await changePassword(v.currentPassword, v.newPassword);
            void message.success('密码已修改，其他设备上的登录已退出');
            form.resetFields();
            await navigate(ROLE_MENU[user.role][0]?.key ?? '/');
          } catch (e) {
            applyFieldErrors(form, e);
            // Field problems show under their fields; the summary says what happened in one sentence.
            setError(e instanceof ApiError ? e.problem.title : '修改失败，请稍后重试');
          } finally {
            setBusy(false);
          }
        }}
      >
        <Form.Item
          label={forced ? '当前密码（收到的初始密码或一次性密码）' : '当前密码'}
          name="currentPassword"
          rules={[{ required: true, message: '请输入当前密码' }]}
        >
          <Input.Password autoComplete="current-password" />
        </Form.Item>
        <Form.Item
          label="新密码"
          name="newPassword"
          extra={RULES_HINT}
          rules={[
            { required: true, message: '请输入新密码' },
            { min: 12, message: '密码至少 12 个字符' },
          ]}
        >
          <Input.Password autoComplete="new-password" />
        </Form.Item>
        <Form.Item
          label="再次输入新密码"
          name="confirm"
          dependencies={['newPassword']}
          rules={[
            { required: true, message: '请再次输入新密码' },
            ({ getFieldValue }) => ({
              validator: (_, value) =>
                !value || value === getFieldValue('newPassword')
                  ? Promise.resolve()
                  : Promise.reject(new Error('两次输入的新密码不一致')),
            }),
          ]}
        >
          <Input.Password autoComplete="new-password" />
        </Form.Item>
        <Button type="primary" htmlType="submit" loading={busy} block>
          确认修改
        </Button>
      </Form>
      <Typography.Paragraph type="secondary" style={{ marginTop: 16, marginBottom: 0 }}>
        修改后，您在其他设备上的登录将全部退出
        {user.role === 'holder' ? '。' : '；系统对接用的访问令牌不受影响。'}
      </Typography.Paragraph>
    </Card>
  );
}
