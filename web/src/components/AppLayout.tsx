import { Badge, Button, Layout, Menu, Space, Typography } from 'antd';
import type { MenuProps } from 'antd';
import { Link, Outlet, useLocation, useNavigate } from 'react-router';
import { ROLE_LABEL, useSession, type Role } from '../api/session';
import { useUnreadMessages } from '../pages/messages/useUnreadMessages';

/** What each role works on, in the words of workflow.md; the public tools are for everyone. */
const PUBLIC_MENU = [
  { key: '/simulate', label: '模拟估分' },
  { key: '/plan', label: '达标方案' },
  { key: '/checklist', label: '材料清单' },
  { key: '/precheck', label: '申请预检' },
  { key: '/verify', label: '通知书核验' },
  { key: '/rules', label: '政策参数' },
];

export const ROLE_MENU: Record<Role, { key: string; label: string }[]> = {
  holder: [
    { key: '/holder', label: '我的申请' },
    { key: '/holder/messages', label: '我的消息' },
  ],
  employer_hr: [
    { key: '/employer', label: '本单位申请' },
    { key: '/employer/messages', label: '消息中心' },
  ],
  acceptance_clerk: [{ key: '/clerk', label: '受理队列' }],
  district_reviewer: [{ key: '/review', label: '审核任务' }],
  district_approver: [{ key: '/review', label: '核定任务' }],
  city_supervisor: [{ key: '/city', label: '全市监督' }],
  admin: [{ key: '/admin', label: '系统管理' }],
};

export function AppLayout() {
  const { user, logout } = useSession();
  const location = useLocation();
  const navigate = useNavigate();
  const unread = useUnreadMessages(user?.role === 'employer_hr' ? user.unitId : null);
  const items: MenuProps['items'] = [...(user ? ROLE_MENU[user.role] : []), ...PUBLIC_MENU].map((i) =>
    i.key === '/employer/messages' && unread > 0
      ? {
          key: i.key,
          label: (
            <span data-testid="menu-unread">
              {i.label} <Badge count={unread} size="small" color="#cf1322" title={`${unread} 条未读`} />
            </span>
          ),
        }
      : i,
  );
  // The longest matching key only (本单位申请 is not also selected on its 消息中心).
  const selected = items
    .map((i) => String(i?.key))
    .filter((k) => location.pathname === k || location.pathname.startsWith(`${k}/`))
    .sort((a, b) => b.length - a.length)
    .slice(0, 1);
  return (
    <Layout style={{ minHeight: '100vh' }}>
      <Layout.Header style={{ display: 'flex', alignItems: 'center', gap: 16, paddingInline: 16 }}>
        <Link
          to="/"
          style={{ color: '#fff', fontWeight: 600, whiteSpace: 'nowrap' }}
          aria-label="居住证积分 首页"
        >
          居住证积分
        </Link>
        <nav aria-label="主导航" style={{ flex: 1, minWidth: 0 }}>
          <Menu
            theme="dark"
            mode="horizontal"
            selectedKeys={selected}
            items={items}
            onClick={(e) => void navigate(e.key)}
          />
        </nav>
        {user ? (
          <Space>
            <Typography.Text style={{ color: '#fff' }} data-testid="whoami">
              {user.displayName}（{ROLE_LABEL[user.role]}
              {user.district ? ` · ${user.district}` : ''}）
            </Typography.Text>
            <Button size="small" onClick={() => void navigate('/account/password')}>
              修改密码
            </Button>
            <Button size="small" onClick={() => void logout().then(() => navigate('/'))}>
              退出
            </Button>
          </Space>
        ) : (
          <Link to="/login" style={{ color: '#fff' }}>
            登录
          </Link>
        )}
      </Layout.Header>
      {/* antd's Content is the page's one <main> landmark. */}
      <Layout.Content id="main" style={{ padding: '16px clamp(8px, 3vw, 32px)' }}>
        <Outlet />
      </Layout.Content>
      <Layout.Footer style={{ textAlign: 'center', color: '#595959' }}>
        jifen · 依据《上海市居住证积分管理办法》及实施细则；模拟结果不代替官方核定。
      </Layout.Footer>
    </Layout>
  );
}
