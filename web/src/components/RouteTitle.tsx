import { useEffect } from 'react';
import { useLocation } from 'react-router';

/**
 * Every route has its own <title> and exactly one <h1> (issue 14, accessibility): the
 * public tools and the unit's case page write their own <h1>; for the others the shell
 * gives a visually hidden one, so a screen reader lands on the page's name.
 * Longest matching prefix wins.
 */
const ROUTES: Array<{ prefix: string; title: string; ownH1?: boolean; exact?: boolean }> = [
  { prefix: '/', title: '上海市居住证积分', exact: true },
  { prefix: '/login', title: '登录' },
  { prefix: '/register-unit', title: '用人单位网上注册' },
  { prefix: '/simulate', title: '模拟估分', ownH1: true },
  { prefix: '/plan', title: '达标方案', ownH1: true },
  { prefix: '/checklist', title: '申请材料清单', ownH1: true },
  { prefix: '/precheck', title: '申请预检', ownH1: true },
  { prefix: '/verify', title: '积分通知书核验', ownH1: true },
  { prefix: '/rules', title: '政策参数', ownH1: true },
  { prefix: '/holder', title: '我的积分申请' },
  { prefix: '/holder/cases/', title: '申请详情' },
  { prefix: '/holder/messages', title: '我的消息' },
  { prefix: '/employer', title: '单位工作台' },
  { prefix: '/employer/employees', title: '本单位职工' },
  { prefix: '/employer/new/', title: '新建积分申请' },
  { prefix: '/employer/cases/', title: '申请详情', ownH1: true },
  { prefix: '/employer/messages', title: '单位消息中心' },
  { prefix: '/clerk', title: '受理工作台' },
  { prefix: '/clerk/units', title: '单位核验' },
  { prefix: '/clerk/cases/', title: '受理：申请详情' },
  { prefix: '/review', title: '审核工作台' },
  { prefix: '/review/cases/', title: '审核：申请详情' },
  { prefix: '/city', title: '全市统计看板' },
  { prefix: '/city/cases', title: '全市案件' },
  { prefix: '/city/cases/', title: '全市案件：申请详情' },
  { prefix: '/city/penalties', title: '处罚记录' },
  { prefix: '/admin', title: '用户与角色' },
  { prefix: '/admin/data', title: '政策数据加载' },
];

export function routeOf(pathname: string) {
  let best: (typeof ROUTES)[number] | undefined;
  for (const r of ROUTES) {
    const match = r.exact
      ? pathname === r.prefix
      : pathname === r.prefix || pathname.startsWith(r.prefix.endsWith('/') ? r.prefix : `${r.prefix}/`);
    if (match && (!best || r.prefix.length > best.prefix.length)) best = r;
  }
  return best;
}

const HIDDEN: React.CSSProperties = {
  position: 'absolute',
  width: 1,
  height: 1,
  overflow: 'hidden',
  clip: 'rect(0 0 0 0)',
  whiteSpace: 'nowrap',
};

export function RouteTitle() {
  const { pathname } = useLocation();
  const route = routeOf(pathname);
  const title = route?.title ?? '页面不存在';
  useEffect(() => {
    document.title = pathname === '/' ? `${title} · jifen` : `${title} · 上海市居住证积分`;
  }, [pathname, title]);
  return route?.ownH1 ? null : <h1 style={HIDDEN}>{title}</h1>;
}
