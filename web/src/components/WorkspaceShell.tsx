import { Menu, Spin } from 'antd';
import { Suspense, type ReactNode } from 'react';
import { useLocation, useNavigate } from 'react-router';

/**
 * A role's workspace: its own section menu (a labelled navigation landmark)
 * above its pages. The first item is the workspace root and is selected only
 * there; the others also for their sub-pages.
 */
export function WorkspaceShell({
  label,
  items,
  children,
}: {
  label: string;
  items: { key: string; label: string }[];
  children: ReactNode;
}) {
  const location = useLocation();
  const navigate = useNavigate();
  const root = items[0]?.key;
  const selected = items
    .filter((i) => location.pathname === i.key || (i.key !== root && location.pathname.startsWith(i.key)))
    .map((i) => i.key);
  return (
    <div>
      <nav aria-label={label}>
        <Menu
          mode="horizontal"
          selectedKeys={selected}
          items={items}
          onClick={(e) => void navigate(e.key)}
          style={{ marginBottom: 16 }}
        />
      </nav>
      <Suspense fallback={<Spin style={{ display: 'block', margin: 48 }} />}>{children}</Suspense>
    </div>
  );
}
