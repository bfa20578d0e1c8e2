import {
  Button,
  Checkbox,
  DatePicker,
  Drawer,
  Form,
  Input,
  Select,
  Skeleton,
  Space,
  Table,
  Tag,
  Typography,
} from 'antd';
import { useCallback, useEffect, useState } from 'react';
import { useSearchParams } from 'react-router';
import { api } from '../../api/client';
import { ProblemAlert } from '../../components/ProblemAlert';
import { CaseSupervision, type CaseView } from './CaseSupervision';
import { STATE_LABELS } from '../../vocabulary';
import { DISTRICTS, STATE_ORDER, type CaseSummary, type Page } from './cityTypes';
import { pickerValue, rangeOf, withRange } from './dateRangeParams';
import { ExportButtons } from '../../components/ExportButtons';

/** The overdue figures of the dashboard a list can be narrowed to. */
const OVERDUE: Record<string, string> = { determination: '超期待核定', reconsideration: '复核超期' };

const DUE_KIND: Record<string, string> = {
  determination: '核定期限',
  reconsideration: '复核期限',
  acceptance_reminder: '受理提醒',
  resubmission: '补正期限',
};

/** 全市案件: every district's cases, filterable and paginated on the server; a case opens in a drawer. */
export default function CityCasesPage() {
  const [params, setParams] = useSearchParams();
  const district = params.get('district') ?? undefined;
  const state = params.get('state') ?? undefined;
  const pending = params.get('reconsideration') === 'pending';
  const overdueParam = params.get('overdue');
  const overdue = overdueParam && overdueParam in OVERDUE ? overdueParam : undefined;
  const range = rangeOf(params);
  const q = params.get('q') ?? undefined;
  const page = Number(params.get('page') ?? '1') || 1;
  const pageSize = Number(params.get('size') ?? '20') || 20;
  // The deadline column's sort runs on the server (every page in deadline order), kept in the address.
  const byDeadline = params.get('order') === 'deadline';
  const [data, setData] = useState<Page<CaseSummary>>();
  const [error, setError] = useState<unknown>();
  const [loading, setLoading] = useState(false);
  const [open, setOpen] = useState<string>();

  const load = useCallback(() => {
    setLoading(true);
    api<Page<CaseSummary>>('GET', '/api/v1/city/cases', undefined, {
      query: {
        district,
        state,
        q,
        reconsideration: pending ? 'pending' : undefined,
        overdue,
        from: range.from,
        to: range.to,
        orderBy: byDeadline ? 'deadline' : undefined,
        limit: pageSize,
        offset: (page - 1) * pageSize,
      },
    })
      .then((d) => {
        setData(d);
        setError(undefined);
      }, setError)
      .finally(() => setLoading(false));
  }, [district, state, q, pending, overdue, range.from, range.to, page, pageSize, byDeadline]);
  useEffect(load, [load]);

  const set = (k: string, v: string | undefined) => {
    const next = new URLSearchParams(params);
    if (v) next.set(k, v);
    else next.delete(k);
    if (k !== 'page') next.delete('page');
    setParams(next);
  };

  return (
    <div>
      <Typography.Title level={3} style={{ marginTop: 0 }}>
        全市案件
      </Typography.Title>
      <Form layout="inline" style={{ marginBottom: 16, rowGap: 8 }} aria-label="筛选条件">
        <Form.Item label="所在区" htmlFor="f-district">
          <Select
            id="f-district"
            allowClear
            placeholder="全部区"
            style={{ width: 140 }}
            value={district}
            onChange={(v: string | undefined) => set('district', v)}
            options={DISTRICTS.map((d) => ({ value: d, label: d }))}
          />
        </Form.Item>
        <Form.Item label="状态" htmlFor="f-state">
          <Select
            id="f-state"
            allowClear
            placeholder="全部状态"
            style={{ width: 170 }}
            value={state}
            onChange={(v: string | undefined) => set('state', v)}
            options={STATE_ORDER.map((s) => ({ value: s, label: STATE_LABELS[s] }))}
          />
        </Form.Item>
        <Form.Item>
          <Checkbox
            checked={pending}
            onChange={(e) => set('reconsideration', e.target.checked ? 'pending' : undefined)}
          >
            仅复核中
          </Checkbox>
        </Form.Item>
        <Form.Item label="逾期" htmlFor="f-overdue">
          <Select
            id="f-overdue"
            allowClear
            placeholder="不限"
            style={{ width: 150 }}
            value={overdue}
            onChange={(v: string | undefined) => set('overdue', v)}
            options={Object.entries(OVERDUE).map(([value, label]) => ({ value, label }))}
          />
        </Form.Item>
        <Form.Item label="案件创建日期" htmlFor="f-range">
          <DatePicker.RangePicker
            id="f-range"
            allowEmpty={[true, true]}
            value={pickerValue(range)}
            onChange={(v) => setParams(withRange(params, v))}
          />
        </Form.Item>
        <Form.Item label="申请编号" htmlFor="f-q">
          <Input.Search
            id="f-q"
            allowClear
            defaultValue={q}
            placeholder="编号开头"
            style={{ width: 200 }}
            onSearch={(v) => set('q', v.trim() || undefined)}
          />
        </Form.Item>
      </Form>
      <ProblemAlert
        error={error}
        labels={{
          q: '申请编号',
          district: '所在区',
          state: '状态',
          overdue: '逾期',
          from: '开始日期',
          to: '结束日期',
        }}
      />
      <ExportButtons
        url="/api/v1/city/cases/export"
        query={{
          district,
          state,
          q,
          reconsideration: pending ? 'pending' : undefined,
          overdue,
          from: range.from,
          to: range.to,
        }}
        testId="city-cases-export"
      />
      <Table<CaseSummary>
        rowKey="caseId"
        size="small"
        loading={loading}
        dataSource={data?.items ?? []}
        scroll={{ x: true }}
        data-testid="city-cases"
        onChange={(_p, _f, sorter, extra) => {
          if (extra.action !== 'sort' || Array.isArray(sorter)) return;
          set('order', sorter.columnKey === 'due' && sorter.order ? 'deadline' : undefined);
        }}
        pagination={{
          current: page,
          pageSize,
          total: data?.total ?? 0,
          showSizeChanger: true,
          showTotal: (t) => `共 ${t} 件`,
          onChange: (p, s) => {
            const next = new URLSearchParams(params);
            next.set('page', String(p));
            next.set('size', String(s));
            setParams(next);
          },
        }}
        columns={[
          {
            title: '申请编号',
            key: 'no',
            // The number people read opens the case; the internal id stays internal (issue 15).
            render: (_, r) => (
              <Button type="link" style={{ padding: 0 }} onClick={() => setOpen(r.caseId)}>
                {r.applicationNo ?? '（未编号）'}
              </Button>
            ),
          },
          { title: '所在区', dataIndex: 'district' },
          {
            title: '状态',
            render: (_, r) => (
              <Space size={4} wrap>
                <span>{r.stateLabel}</span>
                {r.reconsideration ? <Tag color="orange">{r.reconsideration}</Tag> : null}
              </Space>
            ),
          },
          { title: '持证人', render: (_, r) => r.holderName ?? '—' },
          { title: '单位', render: (_, r) => r.unitName ?? '—' },
          { title: '经办方', render: (_, r) => r.heldBy.label },
          {
            title: '期限',
            key: 'due',
            sorter: true,
            sortOrder: byDeadline ? 'ascend' : null,
            sortDirections: ['ascend'],
            showSorterTooltip: { title: '按期限排序（全部案件，最紧迫的在前）' },
            render: (_, r) =>
              r.due ? (
                <span style={{ color: r.due.workdaysLeft < 0 ? '#b91c1c' : undefined }}>
                  {DUE_KIND[r.due.kind] ?? r.due.kind} {r.due.date}
                  {r.due.workdaysLeft < 0 ? '（已逾期）' : `（剩 ${r.due.workdaysLeft} 个工作日）`}
                </span>
              ) : (
                '—'
              ),
          },
          {
            title: '已等待',
            render: (_, r) => (r.waitingWorkdays === null ? '—' : `${r.waitingWorkdays} 个工作日`),
          },
          { title: '积分', dataIndex: 'points', align: 'right', render: (p: number | null) => p ?? '—' },
        ]}
      />
      <Drawer
        open={open !== undefined}
        onClose={() => setOpen(undefined)}
        title={open ? `申请 ${data?.items.find((r) => r.caseId === open)?.applicationNo ?? ''}` : ''}
        size="large"
        destroyOnHidden
      >
        {open ? <CaseDrawer caseId={open} onChanged={load} /> : null}
      </Drawer>
    </div>
  );
}

function CaseDrawer({ caseId, onChanged }: { caseId: string; onChanged: () => void }) {
  const [view, setView] = useState<CaseView>();
  const [error, setError] = useState<unknown>();
  const load = useCallback(() => {
    api<CaseView>('GET', `/api/v1/cases/${encodeURIComponent(caseId)}`).then(setView, setError);
  }, [caseId]);
  useEffect(load, [load]);
  if (error) return <ProblemAlert error={error} />;
  if (!view) return <Skeleton active />;
  return (
    <CaseSupervision
      view={view}
      onChanged={() => {
        load();
        onChanged();
      }}
    />
  );
}
