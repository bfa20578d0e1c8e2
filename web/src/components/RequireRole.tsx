import { Result, Spin } from 'antd';
import type { ReactNode } from 'react';
import { Link, Navigate, useLocation } from 'react-router';
import { ROLE_LABEL, useSession, type Role } from '../api/session';

/** Deny unless the signed-in role may see the page (the API checks again; this only spares a dead end). */
export function RequireRole({
  roles,
  openBeforePasswordChange = false,
  children,
}: {
  roles: Role[];
  /** The page that stays open while the password must be changed (the change page itself). */
  openBeforePasswordChange?: boolean;
  children: ReactNode;
}) {
  const { user, loading } = useSession();
  const location = useLocation();
  if (loading) return <Spin style={{ display: 'block', margin: 48 }} />;
  if (!user)
    return (
      <Result
        status="403"
        title="请先登录"
        subTitle="此页面需要登录后使用。"
        extra={<Link to={`/login?next=${encodeURIComponent(location.pathname)}`}>去登录</Link>}
      />
    );
  // A password set by someone else is changed before the workspace opens (the API refuses it too).
  if (user.passwordChangeRequired && !openBeforePasswordChange)
    return <Navigate to="/account/password" replace />;
  if (!roles.includes(user.role))
    return (
      <Result
        status="403"
        title="无权访问"
        subTitle={`当前账号（${ROLE_LABEL[user.role]}）无权查看此页面。`}
        extra={<Link to="/">返回首页</Link>}
      />
    );
  return <>{children}</>;
}
