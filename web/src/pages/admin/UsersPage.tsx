import { Button, Form, Input, Modal, Select, Space, Table, Tag, Typography, message } from 'antd';
import { useCallback, useEffect, useRef, useState } from 'react';
import { api } from '../../api/client';
import type { UserList } from '../../api/contract';
import { useSession } from '../../api/session';
import { ProblemAlert, applyFieldErrors } from '../../components/ProblemAlert';
import { ResetPasswordModal, type PasswordResetAnswer } from '../../components/ResetPasswordModal';
import { DISTRICTS, type Page } from '../city/cityTypes';

type UserRow = UserList['items'][number];

export const ROLE_NAMES: Record<string, string> = {
  holder: '持证人',
  employer_hr: '单位经办人',
  acceptance_clerk: '受理窗口',
  district_reviewer: '区审核',
  district_approver: '区核定',
  city_supervisor: '市级监督',
  admin: '系统管理员',
};
const OFFICER_ROLES = [
  'acceptance_clerk',
  'district_reviewer',
  'district_approver',
  'city_supervisor',
  'admin',
];
const DISTRICT_ROLES = ['acceptance_clerk', 'district_reviewer', 'district_approver'];

/** 用户与角色: every account, filterable and paginated; create officers; disable or re-enable. */
export default function UsersPage() {
  const [filters, setFilters] = useState<{ role?: string; district?: string; active?: string; q?: string }>(
    {},
  );
  const [page, setPage] = useState(1);
  const [data, setData] = useState<Page<UserRow>>();
  const [error, setError] = useState<unknown>();
  const [creating, setCreating] = useState(false);
  const [toggling, setToggling] = useState<UserRow>();
  const [resetting, setResetting] = useState<UserRow>();
  const { user: me } = useSession();
  // Only the latest request may fill the table: an earlier, slower answer (a filter typed over) is dropped.
  const latest = useRef(0);
  const load = useCallback(() => {
    const n = ++latest.current;
    api<Page<UserRow>>('GET', '/api/v1/admin/users', undefined, {
      query: { ...filters, limit: 20, offset: (page - 1) * 20 },
    }).then(
      (d) => n === latest.current && setData(d),
      (e) => n === latest.current && setError(e),
    );
  }, [filters, page]);
  useEffect(load, [load]);
  const set = (k: keyof typeof filters, v: string | undefined) => {
    setFilters((f) => ({ ...f, [k]: v || undefined }));
    setPage(1);
  };
  return (
    <div>
      <Space style={{ width: '100%', justifyContent: 'space-between' }} wrap>
        <Typography.Title level={3} style={{ marginTop: 0 }}>
          用户与角色
        </Typography.Title>
        <Button type="primary" onClick={() => setCreating(true)}>
          新建工作人员账号
        </Button>
      </Space>
      <Form layout="inline" style={{ marginBottom: 16, rowGap: 8 }} aria-label="筛选条件">
        <Form.Item label="角色" htmlFor="u-role">
          <Select
            id="u-role"
            allowClear
            placeholder="全部角色"
            style={{ width: 150 }}
            value={filters.role}
            onChange={(v: string | undefined) => set('role', v)}
            options={Object.entries(ROLE_NAMES).map(([value, label]) => ({ value, label }))}
          />
        </Form.Item>
        <Form.Item label="所属区" htmlFor="u-district">
          <Select
            id="u-district"
            allowClear
            placeholder="全部"
            style={{ width: 130 }}
            value={filters.district}
            onChange={(v: string | undefined) => set('district', v)}
            options={DISTRICTS.map((d) => ({ value: d, label: d }))}
          />
        </Form.Item>
        <Form.Item label="状态" htmlFor="u-active">
          <Select
            id="u-active"
            allowClear
            placeholder="全部"
            style={{ width: 110 }}
            value={filters.active}
            onChange={(v: string | undefined) => set('active', v)}
            options={[
              { value: 'true', label: '启用' },
              { value: 'false', label: '已停用' },
            ]}
          />
        </Form.Item>
        <Form.Item label="用户名或姓名" htmlFor="u-q">
          <Input.Search id="u-q" allowClear style={{ width: 200 }} onSearch={(v) => set('q', v.trim())} />
        </Form.Item>
      </Form>
      <ProblemAlert error={error} />
      <Table<UserRow>
        rowKey="id"
        size="small"
        data-testid="users-table"
        dataSource={data?.items ?? []}
        scroll={{ x: true }}
        pagination={{
          current: page,
          pageSize: 20,
          total: data?.total ?? 0,
          onChange: setPage,
          showTotal: (t) => `共 ${t} 个账号`,
        }}
        columns={[
          { title: '用户名', dataIndex: 'username' },
          { title: '姓名 / 名称', dataIndex: 'displayName' },
          { title: '角色', render: (_, u) => ROLE_NAMES[u.role] ?? u.role },
          { title: '所属区', render: (_, u) => u.district ?? (u.unitId ? '（单位）' : '全市') },
          {
            title: '状态',
            render: (_, u) => (u.active ? <Tag color="green">启用</Tag> : <Tag color="red">已停用</Tag>),
          },
          {
            title: '最近登录',
            render: (_, u) => (u.lastLoginAt ? u.lastLoginAt.replace('T', ' ').slice(0, 16) : '—'),
          },
          {
            title: '操作',
            render: (_, u) => (
              <Space size="small">
                <Button
                  size="small"
                  danger={u.active}
                  onClick={() => setToggling(u)}
                  aria-label={`${u.active ? '停用' : '启用'} ${u.username}`}
                >
                  {u.active ? '停用' : '启用'}
                </Button>
                {/* Holders are reset by their unit's HR; one's own password is changed, not reset. */}
                {u.role !== 'holder' && u.id !== me?.id ? (
                  <Button size="small" onClick={() => setResetting(u)} aria-label={`重置密码 ${u.username}`}>
                    重置密码
                  </Button>
                ) : null}
              </Space>
            ),
          },
        ]}
      />
      <CreateUserModal
        open={creating}
        onClose={() => setCreating(false)}
        onCreated={() => {
          setCreating(false);
          load();
        }}
      />
      <ResetPasswordModal
        target={resetting ? `${resetting.displayName}（${resetting.username}）` : undefined}
        title="重置密码"
        reset={() =>
          api<PasswordResetAnswer>(
            'POST',
            `/api/v1/admin/users/${encodeURIComponent(resetting!.id)}/password-reset`,
            {},
          )
        }
        onClose={() => setResetting(undefined)}
      />
      <ToggleUserModal
        user={toggling}
        onClose={() => setToggling(undefined)}
        onDone={() => {
          setToggling(undefined);
          load();
        }}
      />
    </div>
  );
}

function CreateUserModal({
  open,
  onClose,
  onCreated,
}: {
  open: boolean;
  onClose: () => void;
  onCreated: () => void;
}) {
  const [form] = Form.useForm();
  const [error, setError] = useState<unknown>();
  const [busy, setBusy] = useState(false);
  const role = Form.useWatch('role', form) as string | undefined;
  const submit = async () => {
    const v = (await form.validateFields().catch(() => undefined)) as Record<string, string> | undefined;
    if (!v) return;
    setBusy(true);
    setError(undefined);
    try {
      const body = { ...v, ...(DISTRICT_ROLES.includes(v.role ?? '') ? {} : { district: undefined }) };
      const u = await api<UserRow>('POST', '/api/v1/admin/users', body);
      void message.success(`已创建账号 ${u.username}`);
      form.resetFields();
      onCreated();
    } catch (e) {
      setError(e);
      applyFieldErrors(form, e);
    } finally {
      setBusy(false);
    }
  };
  return (
    <Modal
      open={open}
      title="新建工作人员账号"
      onCancel={onClose}
      onOk={() => void submit()}
      okText="创建"
      cancelText="取消"
      confirmLoading={busy}
      destroyOnHidden
    >
      <ProblemAlert error={error} />
      <Form
        form={form}
        layout="vertical"
        aria-label="新建工作人员账号"
        initialValues={{ role: 'acceptance_clerk' }}
      >
        <Form.Item name="username" label="用户名" extra="3–64 位字母、数字或 _.-">
          <Input autoComplete="off" />
        </Form.Item>
        <Form.Item name="displayName" label="姓名 / 岗位名称">
          <Input />
        </Form.Item>
        <Form.Item name="role" label="角色">
          <Select options={OFFICER_ROLES.map((r) => ({ value: r, label: ROLE_NAMES[r] }))} />
        </Form.Item>
        {DISTRICT_ROLES.includes(role ?? '') ? (
          <Form.Item name="district" label="所属区">
            <Select placeholder="选择区" options={DISTRICTS.map((d) => ({ value: d, label: d }))} />
          </Form.Item>
        ) : null}
        <Form.Item
          name="password"
          label="初始密码"
          extra="至少 12 个字符，不能包含用户名，不能是常见密码；请线下告知本人，本人首次登录后须修改"
        >
          <Input.Password autoComplete="new-password" />
        </Form.Item>
      </Form>
    </Modal>
  );
}

function ToggleUserModal({
  user,
  onClose,
  onDone,
}: {
  user: UserRow | undefined;
  onClose: () => void;
  onDone: () => void;
}) {
  const [form] = Form.useForm();
  const [error, setError] = useState<unknown>();
  const submit = async () => {
    if (!user) return;
    try {
      await api('POST', `/api/v1/admin/users/${encodeURIComponent(user.id)}/active`, {
        active: !user.active,
        reason: form.getFieldValue('reason') ?? '',
      });
      void message.success(
        user.active ? '已停用，该账号的会话已全部结束，访问令牌已全部撤销' : '已启用（原有访问令牌不会恢复）',
      );
      form.resetFields();
      setError(undefined);
      onDone();
    } catch (e) {
      setError(e);
      applyFieldErrors(form, e);
    }
  };
  return (
    <Modal
      open={user !== undefined}
      title={user ? `${user.active ? '停用' : '启用'}账号 ${user.username}` : ''}
      onCancel={onClose}
      onOk={() => void submit()}
      okText="确定"
      cancelText="取消"
      okButtonProps={{ danger: user?.active }}
      destroyOnHidden
    >
      <ProblemAlert error={error} />
      <Form form={form} layout="vertical" aria-label="停用或启用账号">
        <Form.Item name="reason" label="原因">
          <Input.TextArea rows={2} maxLength={200} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
