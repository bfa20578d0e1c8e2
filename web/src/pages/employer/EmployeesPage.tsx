import { Button, Flex, Input, Table, Tag, Typography } from 'antd';
import { useCallback, useEffect, useState } from 'react';
import { caseHref } from '../../components/CaseSearch';
import { Link, useNavigate } from 'react-router';
import { api } from '../../api/client';
import type { UnitEmployees } from '../../api/contract';
import { ProblemAlert } from '../../components/ProblemAlert';
import { ResetPasswordModal, type PasswordResetAnswer } from '../../components/ResetPasswordModal';

type Employee = UnitEmployees['items'][number];

/** The unit's employees per the social-insurance registry, and when each one's points account may be opened. */
export default function EmployeesPage({ unitId }: { unitId: string }) {
  const navigate = useNavigate();
  const [q, setQ] = useState('');
  const [page, setPage] = useState(1);
  const [data, setData] = useState<{ total: number; items: Employee[] }>({ total: 0, items: [] });
  const [error, setError] = useState<unknown>();
  const [loading, setLoading] = useState(true);
  const [resetting, setResetting] = useState<Employee>();

  const load = useCallback(async () => {
    setLoading(true);
    try {
      setData(
        await api('GET', `/api/v1/units/${encodeURIComponent(unitId)}/holders`, undefined, {
          query: { ...(q ? { q } : {}), limit: 10, offset: (page - 1) * 10 },
        }),
      );
      setError(undefined);
    } catch (e) {
      setError(e);
    } finally {
      setLoading(false);
    }
  }, [unitId, q, page]);
  useEffect(() => {
    void load();
  }, [load]);

  return (
    <>
      <Flex gap={12} align="center" style={{ marginBottom: 12 }} role="search" aria-label="查找员工">
        <label htmlFor="emp-search">查找员工</label>
        <Input.Search
          id="emp-search"
          allowClear
          style={{ maxWidth: 300 }}
          placeholder="姓名或持证人编号"
          onSearch={(v) => {
            setQ(v.trim());
            setPage(1);
          }}
        />
      </Flex>
      <ProblemAlert error={error} />
      <Table<Employee>
        data-testid="employees"
        rowKey="holderId"
        size="middle"
        loading={loading}
        dataSource={data.items}
        scroll={{ x: 900 }}
        locale={{ emptyText: '社保登记中没有本单位的员工' }}
        pagination={{
          current: page,
          pageSize: 10,
          total: data.total,
          onChange: setPage,
          showSizeChanger: false,
          showTotal: (t) => `共 ${t} 人`,
        }}
        columns={[
          { title: '姓名', dataIndex: 'name' },
          { title: '身份证号', dataIndex: 'idNumberMasked' },
          {
            title: '居住证领取日',
            dataIndex: 'permitIssuedOn',
            render: (d: string | null) => d ?? '无有效居住证',
          },
          {
            title: '可创建积分账户',
            key: 'opens',
            render: (_: unknown, e) =>
              !e.permitActive ? (
                <Tag color="error">无有效居住证</Tag>
              ) : e.accountOpensOn && !e.mayOpenAccount && !e.openCase ? (
                <Tag color="warning">{e.accountOpensOn} 起</Tag>
              ) : (
                <Typography.Text>{e.accountOpensOn ?? '—'} 起</Typography.Text>
              ),
          },
          {
            title: '积分申请',
            key: 'case',
            render: (_: unknown, e) =>
              e.openCase ? (
                e.openCase.ownUnit ? (
                  <Link to={caseHref('/employer/cases', e.openCase)}>
                    {e.openCase.stateLabel}（{e.openCase.applicationNo ?? '未编号'}）
                  </Link>
                ) : (
                  <Typography.Text type="secondary">{e.openCase.stateLabel}（他单位办理）</Typography.Text>
                )
              ) : (
                <Button
                  size="small"
                  type="primary"
                  aria-label={`为 ${e.name} 创建积分账户`}
                  onClick={() => void navigate(`/employer/new/${encodeURIComponent(e.holderId)}`)}
                >
                  创建积分账户并填报
                </Button>
              ),
          },
          {
            title: '网上账号',
            key: 'login',
            render: (_: unknown, e) =>
              e.hasLogin ? (
                <Button size="small" onClick={() => setResetting(e)} aria-label={`重置持证人密码 ${e.name}`}>
                  重置持证人密码
                </Button>
              ) : (
                <Typography.Text type="secondary">未开立</Typography.Text>
              ),
          },
        ]}
      />
      <ResetPasswordModal
        target={resetting ? `持证人 ${resetting.name}` : undefined}
        title="重置持证人密码"
        reset={() =>
          api<PasswordResetAnswer>(
            'POST',
            `/api/v1/units/${encodeURIComponent(unitId)}/holders/${encodeURIComponent(resetting!.holderId)}/password-reset`,
            {},
          )
        }
        onClose={() => setResetting(undefined)}
      />
    </>
  );
}
