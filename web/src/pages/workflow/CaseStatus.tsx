import { Alert, Descriptions, Tag, Typography } from 'antd';
import {
  DUE_LABELS,
  STATE_COLORS,
  STATE_LABELS,
  type CaseState,
  type CaseSummary,
  type Due,
} from './caseTypes';

export function StateTag({ state, reconsideration }: { state: CaseState; reconsideration?: string | null }) {
  return (
    <span data-testid="case-state">
      <Tag color={STATE_COLORS[state]}>{STATE_LABELS[state] ?? state}</Tag>
      {reconsideration ? <Tag color="purple">{reconsideration}</Tag> : null}
    </span>
  );
}

/** The working-day deadline in words: its date, what it is, and how many working days remain or are overdue. */
export function DueText({ due, compact }: { due: Due | null; compact?: boolean }) {
  if (!due) return <Typography.Text type="secondary">—</Typography.Text>;
  const left =
    due.workdaysLeft > 0
      ? `剩 ${due.workdaysLeft} 个工作日`
      : due.workdaysLeft === 0
        ? '今日到期'
        : `已超期 ${-due.workdaysLeft} 个工作日`;
  return (
    <span data-testid="case-due">
      <Typography.Text strong>{due.date}</Typography.Text>
      {compact ? null : (
        <Typography.Text type="secondary"> · {DUE_LABELS[due.kind] ?? due.kind}</Typography.Text>
      )}{' '}
      <Typography.Text
        type={due.workdaysLeft < 0 ? 'danger' : due.workdaysLeft <= 2 ? 'warning' : 'secondary'}
      >
        {left}
      </Typography.Text>
    </span>
  );
}

export function WaitingText({ days }: { days: number | null }) {
  if (days === null) return <Typography.Text type="secondary">—</Typography.Text>;
  return (
    <Typography.Text
      type={days >= 30 ? 'danger' : days >= 10 ? 'warning' : undefined}
      data-testid="case-waiting"
    >
      {days} 个工作日
    </Typography.Text>
  );
}

/**
 * Where the case stands, the same words for unit, holder and officers: state,
 * who holds it now, the working-day deadline and how long it has waited.
 */
export function CaseStatusBar({
  c,
  extra,
}: {
  c: CaseSummary;
  extra?: { label: string; value: React.ReactNode }[];
}) {
  return (
    <section aria-label="办理状态">
      <Descriptions
        bordered
        size="small"
        column={{ xs: 1, sm: 2, lg: 4 }}
        items={[
          {
            key: 'state',
            label: '状态',
            children: <StateTag state={c.state} reconsideration={c.reconsideration} />,
          },
          {
            key: 'held',
            label: '当前经办方',
            children: <span data-testid="case-held-by">{c.heldBy.label}</span>,
          },
          { key: 'due', label: '工作日期限', children: <DueText due={c.due} /> },
          { key: 'waiting', label: '已等待', children: <WaitingText days={c.waitingWorkdays} /> },
          ...(extra ?? []).map((e) => ({ key: e.label, label: e.label, children: e.value })),
        ]}
      />
      {c.heldBy.party === 'authority' ? (
        <Alert
          style={{ marginTop: 8 }}
          type="warning"
          showIcon
          title={`事项已提请 ${c.heldBy.authorities.join('、')} 核实，核实期间暂停计时。`}
        />
      ) : null}
    </section>
  );
}

/** Whether a deadline has passed (working days left below zero). */
export const isOverdue = (due: Due | null | undefined): boolean => !!due && due.workdaysLeft < 0;

/** Overdue rows stand out in every queue (issue 15); the class is styled in global.css. */
export const overdueRow = (c: { due: Due | null }): string => (isOverdue(c.due) ? 'row-overdue' : '');

/** The word beside an overdue deadline (colour is never the only signal). */
export function OverdueTag({ due }: { due: Due | null | undefined }) {
  return isOverdue(due) ? (
    <Tag color="error" data-testid="overdue-tag" style={{ marginInlineStart: 6 }}>
      已超期
    </Tag>
  ) : null;
}
