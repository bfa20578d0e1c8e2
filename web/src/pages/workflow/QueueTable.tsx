import { Button, Empty, Flex, Form, Select, Table, Tag, Typography } from 'antd';
import { useCallback, useEffect, useState } from 'react';
import { Link } from 'react-router';
import { api } from '../../api/client';
import { ExportButtons } from '../../components/ExportButtons';
import { ProblemAlert } from '../../components/ProblemAlert';
import { STATE_LABELS, URGENCY_REASONS, shanghaiTime, type CaseState, type CaseListItem } from './caseTypes';
import { DueText, OverdueTag, StateTag, WaitingText, overdueRow } from './CaseStatus';

const PAGE = 20;

type QueueOrder = 'oldest' | 'urgency' | 'deadline';

/**
 * A district queue (oldest first, urgency notes first, or the nearest deadline first), with the
 * waiting working days of each case. The server sorts (the deadline column's header asks it to), so
 * page 2 continues page 1. Keyset pagination: the server's `cursor` of the last row is the `after`
 * of the next page; previous pages are remembered.
 */
export function QueueTable({
  district,
  states,
  linkTo,
  testId,
}: {
  district: string;
  states: CaseState[];
  /** The case page of a row (by 申请编号). */
  linkTo: (c: CaseListItem) => string;
  testId: string;
}) {
  const [state, setState] = useState<CaseState>(states[0]!);
  const [orderBy, setOrderBy] = useState<QueueOrder>('oldest');
  const [cursors, setCursors] = useState<(string | undefined)[]>([undefined]);
  const [rows, setRows] = useState<CaseListItem[]>([]);
  const [error, setError] = useState<unknown>();
  const [loading, setLoading] = useState(true);
  const after = cursors[cursors.length - 1];

  const load = useCallback(async () => {
    setLoading(true);
    try {
      const r = await api<CaseListItem[]>(
        'GET',
        `/api/v1/districts/${encodeURIComponent(district)}/queue`,
        undefined,
        {
          query: { state, orderBy, limit: PAGE + 1, ...(after && orderBy !== 'urgency' ? { after } : {}) },
        },
      );
      setRows(r);
      setError(undefined);
    } catch (e) {
      setError(e);
    } finally {
      setLoading(false);
    }
  }, [district, state, orderBy, after]);

  useEffect(() => {
    void load();
  }, [load]);

  const page = rows.slice(0, PAGE);
  const hasNext = rows.length > PAGE && orderBy !== 'urgency';
  const reorder = (v: QueueOrder) => {
    setOrderBy(v);
    setCursors([undefined]);
  };
  const last = page[page.length - 1];

  return (
    <>
      <Form layout="inline" style={{ marginBottom: 12, rowGap: 8 }} aria-label="筛选队列">
        <Form.Item label="状态" htmlFor={`${testId}-state`}>
          <Select
            id={`${testId}-state`}
            style={{ minWidth: 180 }}
            value={state}
            onChange={(v) => {
              setState(v);
              setCursors([undefined]);
            }}
            options={states.map((s) => ({ value: s, label: STATE_LABELS[s] }))}
          />
        </Form.Item>
        <Form.Item label="排序" htmlFor={`${testId}-order`}>
          <Select
            id={`${testId}-order`}
            style={{ minWidth: 200 }}
            value={orderBy}
            onChange={reorder}
            options={[
              { value: 'oldest', label: '最早提交在前' },
              { value: 'deadline', label: '期限最近在前' },
              { value: 'urgency', label: '有加急说明的在前' },
            ]}
          />
        </Form.Item>
        <Button onClick={() => void load()}>刷新</Button>
      </Form>
      <Flex justify="flex-end" style={{ marginBottom: 8 }}>
        <ExportButtons
          url={`/api/v1/districts/${encodeURIComponent(district)}/queue/export`}
          query={{ state, orderBy }}
          testId={`${testId}-export`}
        />
      </Flex>
      <ProblemAlert error={error} />
      <Table<CaseListItem>
        data-testid={testId}
        rowKey="caseId"
        size="middle"
        loading={loading}
        dataSource={page}
        pagination={false}
        scroll={{ x: 900 }}
        rowClassName={overdueRow}
        // The deadline header sorts the whole queue on the server; clearing it returns to the oldest first.
        onChange={(_p, _f, sorter, extra) => {
          if (extra.action !== 'sort' || Array.isArray(sorter)) return;
          reorder(sorter.columnKey === 'due' && sorter.order ? 'deadline' : 'oldest');
        }}
        locale={{
          emptyText: (
            <Empty
              image={Empty.PRESENTED_IMAGE_SIMPLE}
              description={`「${STATE_LABELS[state]}」中没有案件；可在上方切换状态，或用查找框按编号、姓名查找。`}
            />
          ),
        }}
        columns={[
          {
            title: '申请编号',
            key: 'no',
            render: (_: unknown, c) => <Link to={linkTo(c)}>{c.applicationNo ?? '（未编号）'}</Link>,
          },
          { title: '持证人', key: 'holder', render: (_: unknown, c) => c.holderName ?? '—' },
          { title: '用人单位', key: 'unit', render: (_: unknown, c) => c.unitName ?? '—' },
          {
            title: '状态',
            key: 'state',
            render: (_: unknown, c) => <StateTag state={c.state} reconsideration={c.reconsideration} />,
          },
          { title: '当前经办方', key: 'held', render: (_: unknown, c) => c.heldBy.label },
          { title: '提交时间', dataIndex: 'submittedAt', render: (v: string | null) => shanghaiTime(v) },
          {
            title: '已等待',
            dataIndex: 'waitingWorkdays',
            render: (d: number | null, c) => (
              <>
                <WaitingText days={d} />
                {c.staleAtCounter ? (
                  <Tag color="orange" title="内部管理提示：在受理环节等待过久，请跟进">
                    滞留
                  </Tag>
                ) : null}
              </>
            ),
          },
          {
            title: '工作日期限',
            key: 'due',
            sorter: true,
            sortOrder: orderBy === 'deadline' ? 'ascend' : null,
            sortDirections: ['ascend'],
            showSorterTooltip: { title: '按剩余工作日排序（全部案件，最紧迫的在前）' },
            render: (_: unknown, c) =>
              c.due ? (
                <>
                  <DueText due={c.due} compact />
                  <OverdueTag due={c.due} />
                </>
              ) : (
                // Working-day limits exist for 核定 (细则 第七条), the counter's reminders and 复核
                // (docs/spec/workflow.md); review and 补齐 have none, so the queue says so instead of
                // a bare dash, and 「已等待」 beside it shows how long the case has waited.
                <Typography.Text type="secondary" title="该环节没有规定的工作日时限，已等待天数见「已等待」">
                  无法定时限
                </Typography.Text>
              ),
          },
          {
            title: '加急说明',
            key: 'urgency',
            render: (_: unknown, c) =>
              c.urgency ? (
                <Tag color="orange">
                  {URGENCY_REASONS[c.urgency.reason] ?? c.urgency.reason} · {c.urgency.date}
                </Tag>
              ) : (
                '—'
              ),
          },
        ]}
      />
      <Flex gap={8} justify="flex-end" align="center" style={{ marginTop: 12 }}>
        <Typography.Text type="secondary">
          第 {cursors.length} 页 · 本页 {page.length} 件
        </Typography.Text>
        <Button disabled={cursors.length <= 1} onClick={() => setCursors((c) => c.slice(0, -1))}>
          上一页
        </Button>
        <Button
          disabled={!hasNext || !last?.cursor}
          onClick={() => last?.cursor && setCursors((c) => [...c, last.cursor])}
        >
          下一页
        </Button>
      </Flex>
    </>
  );
}
