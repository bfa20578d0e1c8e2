import { Empty, Table, Tag, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { Link } from 'react-router';
import { api } from '../../api/client';
import { useSession } from '../../api/session';
import { ProblemAlert } from '../../components/ProblemAlert';
import { caseHref } from '../../components/CaseSearch';
import { shanghaiTime } from '../workflow/caseTypes';
import type { HolderMessages } from '../../api/contract';

type HolderMessage = HolderMessages['items'][number];

const STATUS_COLOURS: Record<string, string> = { delivered: 'success', failed: 'error', dead: 'error' };

/** 我的消息 (issue 15): the SMS sent to the holder about their applications, with delivery status. */
export default function HolderMessagesPage() {
  const { user } = useSession();
  const [items, setItems] = useState<HolderMessage[]>();
  const [error, setError] = useState<unknown>();
  useEffect(() => {
    if (!user?.holderId) return;
    api<{ items: HolderMessage[] }>('GET', `/api/v1/holders/${encodeURIComponent(user.holderId)}/messages`)
      .then((r) => setItems(r.items))
      .catch(setError);
  }, [user?.holderId]);
  return (
    <>
      <Typography.Title level={3} style={{ marginTop: 0 }}>
        我的消息
      </Typography.Title>
      <ProblemAlert error={error} />
      <Table<HolderMessage>
        data-testid="holder-messages"
        rowKey="id"
        loading={!items && !error}
        dataSource={items ?? []}
        scroll={{ x: 700 }}
        pagination={{ pageSize: 20, hideOnSinglePage: true, showTotal: (t) => `共 ${t} 条` }}
        locale={{
          emptyText: (
            <Empty
              image={Empty.PRESENTED_IMAGE_SIMPLE}
              description="还没有消息。您的申请被受理、退回或核定时，系统会发短信并在这里留存。"
            />
          ),
        }}
        columns={[
          { title: '时间', dataIndex: 'createdAt', width: 170, render: (v: string) => shanghaiTime(v) },
          {
            title: '申请编号',
            key: 'no',
            width: 150,
            render: (_: unknown, m) =>
              m.caseId && m.applicationNo ? (
                <Link to={caseHref('/holder/cases', { caseId: m.caseId, applicationNo: m.applicationNo })}>
                  {m.applicationNo}
                </Link>
              ) : (
                '—'
              ),
          },
          { title: '内容', key: 'text', render: (_: unknown, m) => m.text ?? '（内容模板已停用）' },
          {
            title: '短信送达',
            key: 'status',
            width: 200,
            render: (_: unknown, m) => (
              <Tag color={STATUS_COLOURS[m.status] ?? 'default'}>{m.statusLabel}</Tag>
            ),
          },
        ]}
      />
    </>
  );
}
