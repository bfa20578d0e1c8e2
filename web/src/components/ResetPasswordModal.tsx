import { Alert, Modal, Result, Typography } from 'antd';
import { useState } from 'react';
import { ProblemAlert } from './ProblemAlert';

export interface PasswordResetAnswer {
  username: string;
  oneTimePassword: string;
}

/**
 * 重置密码: asks for confirmation, then shows the one-time password exactly once
 * (with a copy button). Its owner must change it at the next login; every
 * session of the account has already ended.
 */
export function ResetPasswordModal({
  target,
  title,
  reset,
  onClose,
}: {
  /** Who is reset, as the page names them (user name, display name); undefined when closed. */
  target: string | undefined;
  title: string;
  reset: () => Promise<PasswordResetAnswer>;
  onClose: () => void;
}) {
  const [done, setDone] = useState<PasswordResetAnswer>();
  const [error, setError] = useState<unknown>();
  const [busy, setBusy] = useState(false);
  const close = () => {
    setDone(undefined);
    setError(undefined);
    onClose();
  };
  return (
    <Modal
      open={target !== undefined}
      title={title}
      onCancel={close}
      onOk={
        done
          ? close
          : async () => {
              setBusy(true);
              setError(undefined);
              try {
                setDone(await reset());
              } catch (e) {
                setError(e);
              } finally {
                setBusy(false);
              }
            }
      }
      okText={done ? '我已记下，关闭' : '确认重置'}
      okButtonProps={{ danger: !done }}
      cancelButtonProps={{ style: done ? { display: 'none' } : {} }}
      cancelText="取消"
      confirmLoading={busy}
      destroyOnHidden
    >
      <ProblemAlert error={error} />
      {done ? (
        <Result
          status="success"
          title={`已重置账号 ${done.username} 的密码`}
          subTitle="一次性密码只显示这一次，请当面或电话告知本人；本人登录后须立即设置新密码。"
          extra={
            <Typography.Text copyable code data-testid="one-time-password" style={{ fontSize: 18 }}>
              {done.oneTimePassword}
            </Typography.Text>
          }
        />
      ) : (
        <Alert
          type="warning"
          showIcon
          title={`确定要重置 ${target ?? ''} 的密码吗？`}
          description="原密码立即失效，该账号在所有设备上的登录将被退出。系统将生成一次性密码，本人登录后须修改。"
        />
      )}
    </Modal>
  );
}
