import { Button, Empty, Flex, Select, Table, Tag, Typography } from 'antd';
import { useEffect, useMemo, useState } from 'react';
import { Link, useNavigate } from 'react-router';
import { CaseSearch, caseHref } from '../../components/CaseSearch';
import { ExportButtons } from '../../components/ExportButtons';
import { api } from '../../api/client';
import { ProblemAlert } from '../../components/ProblemAlert';
import { STATE_LABELS, type CaseState, type CaseListItem } from '../workflow/caseTypes';
import { DueText, OverdueTag, StateTag, WaitingText, overdueRow } from '../workflow/CaseStatus';

/** What the unit should be reminded of for a case (workflow.md: reminded after 10 working days at the counter). */
function remindersOf(c: CaseListItem): { text: string; color: string }[] {
  const out: { text: string; color: string }[] = [];
  if (c.state === 'supplement_required') out.push({ text: '请按一次性告知单补齐材料', color: 'warning' });
  if (c.state === 'draft') out.push({ text: '待提交', color: 'default' });
  if (c.state === 'submitted' && (c.waitingWorkdays ?? 0) >= 10)
    out.push({ text: `已等待受理 ${c.waitingWorkdays} 个工作日，请尽快递交材料`, color: 'warning' });
  if (c.due && c.due.workdaysLeft < 0) out.push({ text: '已超过期限', color: 'error' });
  if (c.reconsideration?.endsWith('中'))
    out.push({ text: `${c.reconsideration}，等待复核决定`, color: 'purple' });
  return out;
}

/** The unit's cases: state, who holds each, the working-day deadline, waiting days and reminders. */
export default function EmployerCasesPage({ unitId }: { unitId: string }) {
  const [rows, setRows] = useState<CaseListItem[]>([]);
  const [error, setError] = useState<unknown>();
  const [loading, setLoading] = useState(true);
  const [state, setState] = useState<CaseState | 'all'>('all');
  // The deadline column asks the server for the nearest deadlines first (the list holds the first 100).
  // (已等待 sorts the loaded rows in the browser; both columns' sort state is held here.)
  const [sortedBy, setSortedBy] = useState<{ key: 'due' | 'waiting'; order: 'ascend' | 'descend' }>();
  const byDeadline = sortedBy?.key === 'due';
  const navigate = useNavigate();

  useEffect(() => {
    setLoading(true);
    api<CaseListItem[]>('GET', `/api/v1/units/${encodeURIComponent(unitId)}/cases`, undefined, {
      query: { orderBy: byDeadline ? 'deadline' : undefined },
    })
      .then((r) => setRows(r))
      .catch(setError)
      .finally(() => setLoading(false));
  }, [unitId, byDeadline]);

  const shown = useMemo(() => rows.filter((c) => state === 'all' || c.state === state), [rows, state]);
  const present = [...new Set(rows.map((r) => r.state))];

  return (
    <>
      <CaseSearch
        searchUrl={`/api/v1/units/${encodeURIComponent(unitId)}/case-search`}
        caseBase="/employer/cases"
        testId="employer-search"
      />
      <Flex gap={12} wrap align="center" style={{ marginBottom: 12 }} role="group" aria-label="筛选申请">
        <label htmlFor="emp-state">状态</label>
        <Select
          id="emp-state"
          style={{ minWidth: 180 }}
          value={state}
          onChange={setState}
          options={[
            { value: 'all', label: `全部（${rows.length}）` },
            ...present.map((s) => ({
              value: s,
              label: `${STATE_LABELS[s]}（${rows.filter((r) => r.state === s).length}）`,
            })),
          ]}
        />
        <span style={{ flex: 1 }} />
        <ExportButtons
          url={`/api/v1/units/${encodeURIComponent(unitId)}/cases/export`}
          query={{ state: state === 'all' ? undefined : state }}
          testId="employer-export"
        />
        <Button
          type="primary"
          title="在员工名单中选择员工，为其创建积分账户并填报"
          onClick={() => void navigate('/employer/employees')}
        >
          新建申请
        </Button>
      </Flex>
      <ProblemAlert error={error} />
      <Table<CaseListItem>
        data-testid="employer-cases"
        rowKey="caseId"
        size="middle"
        loading={loading}
        dataSource={shown}
        scroll={{ x: 1000 }}
        rowClassName={overdueRow}
        onChange={(_p, _f, sorter, extra) => {
          if (extra.action !== 'sort' || Array.isArray(sorter)) return;
          const key = sorter.columnKey;
          setSortedBy(
            sorter.order && (key === 'due' || key === 'waiting') ? { key, order: sorter.order } : undefined,
          );
        }}
        locale={{
          emptyText: (
            <Empty
              image={Empty.PRESENTED_IMAGE_SIMPLE}
              description="本单位还没有积分申请。点击「新建申请」，在员工名单中为员工创建积分账户并填报。"
            />
          ),
        }}
        pagination={{ pageSize: 10, showSizeChanger: false, showTotal: (t) => `共 ${t} 件` }}
        columns={[
          {
            title: '申请编号',
            key: 'no',
            render: (_: unknown, c) => (
              <Link to={caseHref('/employer/cases', c)}>{c.applicationNo ?? '（未编号）'}</Link>
            ),
          },
          { title: '持证人', key: 'holder', render: (_: unknown, c) => c.holderName ?? '—' },
          {
            title: '状态',
            key: 'state',
            render: (_: unknown, c) => <StateTag state={c.state} reconsideration={c.reconsideration} />,
          },
          { title: '当前经办方', key: 'held', render: (_: unknown, c) => c.heldBy.label },
          {
            title: '工作日期限',
            key: 'due',
            sorter: true,
            sortOrder: byDeadline ? 'ascend' : null,
            sortDirections: ['ascend'],
            showSorterTooltip: { title: '按期限排序（最紧迫的在前）' },
            render: (_: unknown, c) => (
              <>
                <DueText due={c.due} compact />
                <OverdueTag due={c.due} />
              </>
            ),
          },
          {
            // A case returned for 补齐 has no deadline (细则 第五条); how long it has waited is shown instead.
            title: '已等待',
            key: 'waiting',
            dataIndex: 'waitingWorkdays',
            sorter: (a, b) => (a.waitingWorkdays ?? -1) - (b.waitingWorkdays ?? -1),
            sortOrder: sortedBy?.key === 'waiting' ? sortedBy.order : null,
            render: (d: number | null) => <WaitingText days={d} />,
          },
          { title: '积分', dataIndex: 'points', render: (p: number | null) => p ?? '—' },
          {
            title: '提醒',
            key: 'reminders',
            render: (_: unknown, c) => {
              const r = remindersOf(c);
              return r.length ? (
                r.map((x) => (
                  <Tag key={x.text} color={x.color}>
                    {x.text}
                  </Tag>
                ))
              ) : (
                <Typography.Text type="secondary">—</Typography.Text>
              );
            },
          },
        ]}
      />
    </>
  );
}
