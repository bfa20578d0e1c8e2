import { Button, Flex, Form, Input, Modal, Select, Table, Tag, Typography } from 'antd';
import { useCallback, useEffect, useState } from 'react';
import { api, command } from '../../api/client';
import type { DistrictUnits, VerifyUnitBody } from '../../api/contract';
import { applyFieldErrors, ProblemAlert } from '../../components/ProblemAlert';
import { shanghaiTime, UNIT_KIND_LABELS } from '../workflow/caseTypes';

type UnitRow = DistrictUnits['items'][number];

const STATUS: Record<UnitRow['registrationStatus'], { label: string; color: string }> = {
  registered: { label: '待核验', color: 'processing' },
  verified: { label: '已核验', color: 'success' },
  rejected: { label: '已驳回', color: 'error' },
};

/** 受理点核验本区单位: registered units first; verify, or reject with a reason. */
export default function ClerkUnitsPage({ district }: { district: string }) {
  const [status, setStatus] = useState<UnitRow['registrationStatus'] | 'all'>('registered');
  const [page, setPage] = useState(1);
  const [data, setData] = useState<{ total: number; items: UnitRow[] }>({ total: 0, items: [] });
  const [error, setError] = useState<unknown>();
  const [loading, setLoading] = useState(true);
  const [rejecting, setRejecting] = useState<UnitRow>();
  const [form] = Form.useForm<{ reason: string }>();
  const [rejectError, setRejectError] = useState<unknown>();
  const [message, setMessage] = useState<string>();

  const load = useCallback(async () => {
    setLoading(true);
    try {
      setData(
        await api('GET', `/api/v1/districts/${encodeURIComponent(district)}/units`, undefined, {
          query: { ...(status === 'all' ? {} : { status }), limit: 10, offset: (page - 1) * 10 },
        }),
      );
      setError(undefined);
    } catch (e) {
      setError(e);
    } finally {
      setLoading(false);
    }
  }, [district, status, page]);
  useEffect(() => {
    void load();
  }, [load]);

  const decide = async (unit: UnitRow, body: VerifyUnitBody) => {
    await command(`/api/v1/units/${encodeURIComponent(unit.id)}/verify`, body);
    setMessage(`${unit.name}：${body.decision === 'verified' ? '已核验通过' : '已驳回'}`);
    await load();
  };

  return (
    <>
      <Flex gap={12} align="center" style={{ marginBottom: 12 }} wrap>
        <label htmlFor="unit-status">注册状态</label>
        <Select
          id="unit-status"
          style={{ minWidth: 160 }}
          value={status}
          onChange={(v) => {
            setStatus(v);
            setPage(1);
          }}
          options={[
            { value: 'registered', label: '待核验' },
            { value: 'verified', label: '已核验' },
            { value: 'rejected', label: '已驳回' },
            { value: 'all', label: '全部' },
          ]}
        />
        {message ? (
          <Typography.Text type="success" role="status">
            {message}
          </Typography.Text>
        ) : null}
      </Flex>
      <ProblemAlert error={error} />
      <Table<UnitRow>
        rowKey="id"
        size="middle"
        loading={loading}
        dataSource={data.items}
        scroll={{ x: 800 }}
        locale={{ emptyText: '没有符合条件的单位' }}
        pagination={{
          current: page,
          pageSize: 10,
          total: data.total,
          onChange: setPage,
          showTotal: (t) => `共 ${t} 家`,
        }}
        columns={[
          { title: '单位名称', dataIndex: 'name' },
          { title: '统一社会信用代码', dataIndex: 'creditCode' },
          { title: '类型', dataIndex: 'kind', render: (k: string) => UNIT_KIND_LABELS[k] ?? k },
          { title: '注册时间', dataIndex: 'registeredAt', render: shanghaiTime },
          {
            title: '状态',
            key: 'status',
            render: (_: unknown, u) => (
              <>
                <Tag color={STATUS[u.registrationStatus].color}>{STATUS[u.registrationStatus].label}</Tag>
                {u.rejectionReason ? (
                  <Typography.Text type="secondary">{u.rejectionReason}</Typography.Text>
                ) : null}
                {u.barredUntil ? <Tag color="error">限制代办至 {u.barredUntil}</Tag> : null}
              </>
            ),
          },
          {
            title: '操作',
            key: 'act',
            render: (_: unknown, u) =>
              u.registrationStatus === 'registered' ? (
                <Flex gap={8}>
                  <Button
                    size="small"
                    type="primary"
                    aria-label={`核验通过 ${u.name}`}
                    onClick={() => void decide(u, { decision: 'verified' }).catch(setError)}
                  >
                    核验通过
                  </Button>
                  <Button size="small" danger aria-label={`驳回 ${u.name}`} onClick={() => setRejecting(u)}>
                    驳回
                  </Button>
                </Flex>
              ) : (
                '—'
              ),
          },
        ]}
      />
      <Modal
        open={rejecting !== undefined}
        title={`驳回单位注册：${rejecting?.name ?? ''}`}
        okText="驳回"
        okButtonProps={{ danger: true }}
        cancelText="取消"
        onCancel={() => {
          setRejecting(undefined);
          setRejectError(undefined);
        }}
        onOk={async () => {
          const v = await form.validateFields();
          try {
            await decide(rejecting!, { decision: 'rejected', reason: v.reason });
            setRejecting(undefined);
            form.resetFields();
          } catch (e) {
            setRejectError(e);
            applyFieldErrors(form, e, ['input']);
          }
        }}
      >
        <ProblemAlert error={rejectError} />
        <Form form={form} layout="vertical">
          <Form.Item
            label="驳回理由"
            name="reason"
            rules={[{ required: true, whitespace: true, message: '请填写驳回理由' }]}
          >
            <Input.TextArea rows={3} maxLength={500} />
          </Form.Item>
        </Form>
      </Modal>
    </>
  );
}
