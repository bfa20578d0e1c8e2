import { Empty, Select, Table, Tag, Typography } from 'antd';
import { useEffect, useMemo, useState } from 'react';
import { Link } from 'react-router';
import { caseHref } from '../../components/CaseSearch';
import { api } from '../../api/client';
import { useSession } from '../../api/session';
import { ProblemAlert } from '../../components/ProblemAlert';
import { shanghaiTime, STATE_LABELS, type CaseState, type HolderCase } from '../workflow/caseTypes';
import { DueText, StateTag, WaitingText } from '../workflow/CaseStatus';

/** 我的申请: every application of the holder with where it stands, and the points in force. */
export default function HolderCasesPage() {
  const { user } = useSession();
  const [rows, setRows] = useState<HolderCase[]>();
  const [error, setError] = useState<unknown>();
  const [state, setState] = useState<CaseState | 'all'>('all');
  useEffect(() => {
    api<HolderCase[]>('GET', `/api/v1/holders/${encodeURIComponent(user?.holderId ?? '')}/cases`)
      .then(setRows)
      .catch(setError);
  }, [user?.holderId]);
  const shown = useMemo(
    () => (rows ?? []).filter((r) => state === 'all' || r.state === state),
    [rows, state],
  );
  const inForce = (rows ?? []).flatMap((r) => r.determinations.filter((d) => d.inForce));

  return (
    <>
      <Typography.Title level={3} style={{ marginTop: 0 }}>
        我的积分申请
      </Typography.Title>
      <ProblemAlert error={error} />
      {inForce.map((d) => (
        <Typography.Paragraph key={d.verificationCode}>
          现行有效积分：
          <Typography.Text strong style={{ fontSize: 20 }} data-testid="points-in-force">
            {d.total}
          </Typography.Text>{' '}
          分（{shanghaiTime(d.decidedAt)} 核定，核验码{' '}
          <Typography.Text code>{d.verificationCode}</Typography.Text>）
        </Typography.Paragraph>
      ))}
      {rows && rows.length > 1 ? (
        <Typography.Paragraph>
          <label htmlFor="holder-state">状态 </label>
          <Select
            id="holder-state"
            style={{ minWidth: 160 }}
            value={state}
            onChange={setState}
            options={[
              { value: 'all', label: '全部' },
              ...[...new Set(rows.map((r) => r.state))].map((s) => ({ value: s, label: STATE_LABELS[s] })),
            ]}
          />
        </Typography.Paragraph>
      ) : null}
      <Table<HolderCase>
        data-testid="holder-cases"
        rowKey="caseId"
        loading={rows === undefined && !error}
        dataSource={shown}
        scroll={{ x: 760 }}
        pagination={{ pageSize: 10, hideOnSinglePage: true }}
        locale={{
          emptyText: (
            <Empty description="还没有积分申请。积分申请由用人单位为您创建并填报，请联系单位人事经办人；单位提交后，您可在此查看办理进度。" />
          ),
        }}
        columns={[
          {
            title: '申请编号',
            key: 'no',
            render: (_: unknown, c) => (
              <Link to={caseHref('/holder/cases', c)}>{c.applicationNo ?? '（未编号）'}</Link>
            ),
          },
          {
            title: '状态',
            key: 'state',
            render: (_: unknown, c) => <StateTag state={c.state} reconsideration={c.reconsideration} />,
          },
          {
            title: '当前经办方',
            key: 'held',
            render: (_: unknown, c) => <span data-testid="holder-held-by">{c.heldBy.label}</span>,
          },
          { title: '工作日期限', key: 'due', render: (_: unknown, c) => <DueText due={c.due} compact /> },
          {
            title: '已等待',
            dataIndex: 'waitingWorkdays',
            render: (d: number | null) => <WaitingText days={d} />,
          },
          {
            title: '核定积分',
            key: 'points',
            render: (_: unknown, c) =>
              c.determinations.length
                ? c.determinations.map((d) => (
                    <Tag key={d.sequence} color={d.inForce ? 'success' : 'default'}>
                      第{d.sequence}次 {d.total} 分{d.inForce ? '（现行）' : ''}
                    </Tag>
                  ))
                : '—',
          },
        ]}
      />
    </>
  );
}
