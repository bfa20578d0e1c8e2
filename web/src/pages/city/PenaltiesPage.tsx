import { Button, Card, Form, Select, Table, Tag, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { api } from '../../api/client';
import { ProblemAlert } from '../../components/ProblemAlert';
import type { Page, Penalty } from './cityTypes';
import { PenaltyEntryForm } from './PenaltyEntryForm';
import { ExportButtons } from '../../components/ExportButtons';

const KIND: Record<string, string> = {
  false_material: '虚假材料记录（扣分）',
  fine: '罚款',
  credit_record: '信用记录',
  bar: '限制申请 / 代为申报',
};
const STATUS: Record<string, string> = { in_force: '有效', appealed: '复核中', revoked: '已撤销' };

/** 处罚记录 (细则 第十四条): recorded with a correction or a refusal for false materials. */
export default function PenaltiesPage() {
  const [kind, setKind] = useState<string>();
  const [status, setStatus] = useState<string>();
  const [page, setPage] = useState(1);
  const [data, setData] = useState<Page<Penalty>>();
  const [error, setError] = useState<unknown>();
  const [entering, setEntering] = useState(false);
  const [reload, setReload] = useState(0);
  useEffect(() => {
    // Only the answer to the filters now shown may fill the table (as in the users list).
    let current = true;
    api<Page<Penalty>>('GET', '/api/v1/city/penalties', undefined, {
      query: { kind, status, limit: 20, offset: (page - 1) * 20 },
    }).then(
      (d) => current && setData(d),
      (e) => current && setError(e),
    );
    return () => {
      current = false;
    };
  }, [kind, status, page, reload]);
  return (
    <div>
      <Typography.Title level={3} style={{ marginTop: 0 }}>
        处罚记录
      </Typography.Title>
      <Typography.Paragraph type="secondary">
        处罚在“监督纠正”或“不予积分”时随虚假材料认定一并记录，也可在此单独登记，包括理由、依据、决定人和起止日期；当事人可通过复核提出异议。
      </Typography.Paragraph>
      {entering ? (
        <Card size="small" title="登记处罚" style={{ marginBottom: 16, maxWidth: 720 }}>
          <PenaltyEntryForm
            onDone={() => {
              setPage(1);
              setReload((n) => n + 1);
            }}
          />
        </Card>
      ) : (
        <Button style={{ marginBottom: 16 }} onClick={() => setEntering(true)}>
          登记处罚
        </Button>
      )}
      <Form layout="inline" style={{ marginBottom: 16 }} aria-label="筛选条件">
        <Form.Item label="类别" htmlFor="p-kind">
          <Select
            id="p-kind"
            allowClear
            placeholder="全部"
            style={{ width: 220 }}
            value={kind}
            onChange={(v: string | undefined) => {
              setKind(v);
              setPage(1);
            }}
            options={Object.entries(KIND).map(([value, label]) => ({ value, label }))}
          />
        </Form.Item>
        <Form.Item label="状态" htmlFor="p-status">
          <Select
            id="p-status"
            allowClear
            placeholder="全部"
            style={{ width: 120 }}
            value={status}
            onChange={(v: string | undefined) => {
              setStatus(v);
              setPage(1);
            }}
            options={Object.entries(STATUS).map(([value, label]) => ({ value, label }))}
          />
        </Form.Item>
      </Form>
      <ProblemAlert error={error} />
      <ExportButtons url="/api/v1/city/penalties/export" query={{ kind, status }} testId="penalties-export" />
      <Table<Penalty>
        rowKey="id"
        size="small"
        data-testid="penalties"
        dataSource={data?.items ?? []}
        scroll={{ x: true }}
        pagination={{
          current: page,
          pageSize: 20,
          total: data?.total ?? 0,
          onChange: setPage,
          showTotal: (t) => `共 ${t} 条`,
        }}
        columns={[
          {
            title: '对象',
            render: (_, p) =>
              p.subjectKind === 'unit' ? `单位：${p.unitName ?? ''}` : `个人：${p.holderName ?? '—'}`,
          },
          {
            title: '类别',
            render: (_, p) => (
              <>
                {KIND[p.kind] ?? p.kind}
                {p.serious ? (
                  <Tag color="red" style={{ marginLeft: 4 }}>
                    情节严重
                  </Tag>
                ) : null}
              </>
            ),
          },
          {
            title: '金额',
            render: (_, p) => (p.amountFen ? `${(p.amountFen / 100).toLocaleString('zh-CN')} 元` : '—'),
          },
          { title: '理由', dataIndex: 'reason' },
          { title: '依据', render: (_, p) => p.legalBasis ?? '—' },
          { title: '起止', render: (_, p) => `${p.effectiveFrom} 至 ${p.effectiveUntil ?? '—'}` },
          { title: '申请编号', render: (_, p) => p.applicationNo ?? '—' },
          { title: '决定人', dataIndex: 'decidedByName' },
          { title: '状态', render: (_, p) => STATUS[p.status] ?? p.status },
        ]}
      />
    </div>
  );
}
