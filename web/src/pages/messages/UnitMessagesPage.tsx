import { Badge, Button, Empty, Flex, Segmented, Table, Tag, Typography } from 'antd';
import { useCallback, useEffect, useState } from 'react';
import { Link } from 'react-router';
import { api } from '../../api/client';
import { ProblemAlert } from '../../components/ProblemAlert';
import { caseHref } from '../../components/CaseSearch';
import { shanghaiTime } from '../workflow/caseTypes';
import { MESSAGES_READ_EVENT } from './useUnreadMessages';
import type { UnitMessageCentre } from '../../api/contract';

type UnitMessage = UnitMessageCentre['items'][number];
interface MessagePage {
  total: number;
  unread: number;
  items: UnitMessage[];
}

const PAGE = 20;

/**
 * 消息中心 of a unit (issue 15): the in-system messages — notices, returns,
 * determinations and SMS that could not be delivered — newest first, with the
 * unread count; read one or all.
 */
export default function UnitMessagesPage({ unitId }: { unitId: string }) {
  const [page, setPage] = useState(1);
  const [unreadOnly, setUnreadOnly] = useState(false);
  const [data, setData] = useState<MessagePage>();
  const [error, setError] = useState<unknown>();
  const [busy, setBusy] = useState(false);
  const base = `/api/v1/units/${encodeURIComponent(unitId)}/message-centre`;

  const load = useCallback(async () => {
    try {
      setData(
        await api<MessagePage>('GET', base, undefined, {
          query: { limit: PAGE, offset: (page - 1) * PAGE, unread: unreadOnly ? 'true' : undefined },
        }),
      );
      setError(undefined);
    } catch (e) {
      setError(e);
    }
  }, [base, page, unreadOnly]);
  useEffect(() => {
    void load();
  }, [load]);

  const markRead = async (ids?: string[]) => {
    setBusy(true);
    try {
      await api('POST', `${base}/read`, ids ? { ids } : {});
      window.dispatchEvent(new Event(MESSAGES_READ_EVENT));
      await load();
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  };

  return (
    <>
      <Typography.Title level={3} style={{ marginTop: 0 }}>
        消息中心
      </Typography.Title>
      <Flex gap={12} wrap align="center" style={{ marginBottom: 12 }}>
        <Segmented
          aria-label="显示哪些消息"
          value={unreadOnly ? 'unread' : 'all'}
          onChange={(v) => {
            setUnreadOnly(v === 'unread');
            setPage(1);
          }}
          options={[
            { value: 'all', label: '全部消息' },
            { value: 'unread', label: '仅看未读' },
          ]}
        />
        <Typography.Text data-testid="unread-count">
          未读 <Badge count={data?.unread ?? 0} showZero color="#cf1322" />
        </Typography.Text>
        <Button disabled={!data?.unread} loading={busy} onClick={() => void markRead()}>
          全部标为已读
        </Button>
      </Flex>
      <ProblemAlert error={error} />
      <Table<UnitMessage>
        data-testid="unit-messages"
        rowKey="id"
        size="middle"
        loading={!data && !error}
        dataSource={data?.items ?? []}
        scroll={{ x: 800 }}
        locale={{
          emptyText: (
            <Empty
              image={Empty.PRESENTED_IMAGE_SIMPLE}
              description={
                unreadOnly
                  ? '没有未读消息。'
                  : '还没有消息。受理、退回、核定等办理结果和短信未送达的提醒会发到这里。'
              }
            />
          ),
        }}
        pagination={{
          current: page,
          pageSize: PAGE,
          total: data?.total ?? 0,
          showSizeChanger: false,
          onChange: setPage,
          showTotal: (t) => `共 ${t} 条`,
        }}
        columns={[
          {
            title: '时间',
            dataIndex: 'createdAt',
            width: 170,
            render: (v: string) => shanghaiTime(v),
          },
          {
            title: '类别',
            key: 'kind',
            width: 130,
            render: (_: unknown, m) => (
              <Tag color={m.kind === 'sms_undeliverable' ? 'warning' : 'processing'}>{m.kindLabel}</Tag>
            ),
          },
          {
            title: '申请编号',
            key: 'no',
            width: 150,
            render: (_: unknown, m) =>
              m.caseId && m.applicationNo ? (
                <Link to={caseHref('/employer/cases', { caseId: m.caseId, applicationNo: m.applicationNo })}>
                  {m.applicationNo}
                </Link>
              ) : (
                '—'
              ),
          },
          {
            title: '内容',
            key: 'text',
            render: (_: unknown, m) => (m.read ? m.text : <Typography.Text strong>{m.text}</Typography.Text>),
          },
          {
            title: '状态',
            key: 'read',
            width: 150,
            render: (_: unknown, m) =>
              m.read ? (
                <Typography.Text type="secondary">已读</Typography.Text>
              ) : (
                <Button size="small" aria-label={`将此消息标为已读`} onClick={() => void markRead([m.id])}>
                  标为已读
                </Button>
              ),
          },
        ]}
      />
    </>
  );
}
