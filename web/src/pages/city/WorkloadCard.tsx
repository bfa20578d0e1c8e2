import { Card, Table, Tag } from 'antd';
import { useEffect, useState } from 'react';
import { api } from '../../api/client';
import { ProblemAlert } from '../../components/ProblemAlert';
import type { DateRangeParams } from './dateRangeParams';

interface Workload {
  districts: {
    district: string;
    unassignedTasks: number;
    unassignedCases: number;
    officers: {
      id: string;
      name: string;
      role: string;
      active: boolean;
      openTasks: number;
      openCases: number;
    }[];
  }[];
}

const ROLE: Record<string, string> = { district_reviewer: '审核人员', district_approver: '核定人员' };

interface Row {
  key: string;
  district: string;
  name: string;
  role: string;
  openTasks: number;
  openCases: number;
  active: boolean;
}

/** 人员工作量: per district, each officer's review items still to do and their cases, and what is unassigned. */
export function WorkloadCard({ district, range }: { district?: string; range: DateRangeParams }) {
  const [data, setData] = useState<Workload>();
  const [error, setError] = useState<unknown>();
  useEffect(() => {
    let current = true;
    api<Workload>('GET', '/api/v1/city/workload', undefined, { query: { district, ...range } }).then(
      (d) => current && setData(d),
      (e) => current && setError(e),
    );
    return () => {
      current = false;
    };
  }, [district, range.from, range.to]);
  const rows: Row[] = (data?.districts ?? []).flatMap((d) => [
    ...d.officers.map((o) => ({
      key: o.id,
      district: d.district,
      name: o.name,
      role: ROLE[o.role] ?? '工作人员',
      openTasks: o.openTasks,
      openCases: o.openCases,
      active: o.active,
    })),
    {
      key: `${d.district}-unassigned`,
      district: d.district,
      name: '（尚未分派）',
      role: '—',
      openTasks: d.unassignedTasks,
      openCases: d.unassignedCases,
      active: true,
    },
  ]);
  return (
    <Card size="small" style={{ marginTop: 16 }} title="人员工作量（待办审核项）">
      <ProblemAlert error={error} />
      <Table<Row>
        size="small"
        rowKey="key"
        loading={!data && !error}
        dataSource={rows}
        data-testid="workload"
        pagination={{ pageSize: 12, showTotal: (t) => `共 ${t} 行` }}
        columns={[
          { title: '区', dataIndex: 'district' },
          {
            title: '人员',
            render: (_, r) => (
              <>
                {r.name}
                {r.active ? null : <Tag style={{ marginLeft: 4 }}>已停用</Tag>}
              </>
            ),
          },
          { title: '岗位', dataIndex: 'role' },
          { title: '待办审核项', dataIndex: 'openTasks', align: 'right' },
          { title: '涉及案件', dataIndex: 'openCases', align: 'right' },
        ]}
      />
    </Card>
  );
}
