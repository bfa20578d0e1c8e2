import { Alert, Card, Collapse, Descriptions, Form, Input, Spin, Table, Tag, Typography } from 'antd';
import { useEffect, useMemo, useState } from 'react';
import { useSearchParams } from 'react-router';
import { api } from '../../api/client';
import { ProblemAlert } from '../../components/ProblemAlert';
import { ReadableTheme } from '../../components/ReadableTheme';
import { todayInShanghai } from '../../profile/toProfile';
import type { RuleParameter, RulesInForce } from '../../profile/types';
import { GROUP_LABEL } from '../../profile/vocabulary';
import './public.css';

const groupLabel = (g?: string) =>
  g && g in GROUP_LABEL ? GROUP_LABEL[g as keyof typeof GROUP_LABEL] : '通用';

/** 政策参数: every parameter in force on a date, with its effective dates, citations and interpretation notes. */
export default function RulesPage() {
  const [params, setParams] = useSearchParams();
  const at = params.get('at') ?? todayInShanghai();
  const [search, setSearch] = useState('');
  const [state, setState] = useState<{ data?: RulesInForce; error?: unknown; loading: boolean }>({
    loading: true,
  });

  useEffect(() => {
    const ctrl = new AbortController();
    setState((s) => ({ ...s, loading: true }));
    api<RulesInForce>('GET', '/api/v1/rules', undefined, { query: { at }, signal: ctrl.signal }).then(
      (data) => setState({ data, loading: false }),
      (error: unknown) => {
        if ((error as Error).name !== 'AbortError') setState({ error, loading: false });
      },
    );
    return () => ctrl.abort();
  }, [at]);

  const rows = useMemo(() => {
    const all = state.data?.parameters ?? [];
    const s = search.trim().toLowerCase();
    if (!s) return all;
    return all.filter((p) =>
      [p.label, p.description, p.text, p.note, ...p.citations]
        .filter(Boolean)
        .some((t) => String(t).toLowerCase().includes(s)),
    );
  }, [state.data, search]);

  const d = state.data;
  return (
    <ReadableTheme>
      <Typography.Title level={1} style={{ fontSize: 26 }}>
        政策参数
      </Typography.Title>
      <Typography.Paragraph style={{ maxWidth: 820 }}>
        查询任一日期施行的积分政策：各指标分值与档次、生效期间、引用的文件条款，以及产品对政策未明确之处采用的解释口径。
      </Typography.Paragraph>
      <Card style={{ marginBottom: 16 }}>
        <Form layout="inline" style={{ rowGap: 8 }}>
          <Form.Item label="查询日期" htmlFor="rules-at">
            <Input
              id="rules-at"
              type="date"
              value={at}
              onChange={(e) => e.target.value && setParams({ at: e.target.value })}
              style={{ width: 170 }}
            />
          </Form.Item>
          <Form.Item label="搜索" htmlFor="rules-search">
            <Input.Search
              id="rules-search"
              allowClear
              placeholder="指标、条款、数值…"
              value={search}
              onChange={(e) => setSearch(e.target.value)}
              style={{ width: 260, maxWidth: '100%' }}
            />
          </Form.Item>
        </Form>
      </Card>
      {state.error !== undefined && <ProblemAlert error={state.error} />}
      {state.loading && !d && <Spin style={{ display: 'block', margin: 48 }} />}
      {d && state.error === undefined && (
        <div aria-busy={state.loading}>
          <Descriptions bordered size="small" column={{ xs: 1, md: 2 }} style={{ marginBottom: 16 }}>
            <Descriptions.Item label="政策版本">
              <strong data-testid="rules-version-id">{d.version.id}</strong>（{d.version.from} 至{' '}
              {d.version.to}）
            </Descriptions.Item>
            <Descriptions.Item label="文件">{d.version.title}</Descriptions.Item>
            <Descriptions.Item label={`${d.wage.month} 适用的社平工资`}>
              {d.wage.value} 元/月（{d.wage.from} 至 {d.wage.to}）
              {d.wage.provisional && <Tag color="orange">暂按最近公布值</Tag>}
            </Descriptions.Item>
            <Descriptions.Item label="数据版本">{d.dataRevision}</Descriptions.Item>
          </Descriptions>
          {d.wage.provisional && (
            <Alert
              type="warning"
              showIcon
              style={{ marginBottom: 16 }}
              title="该月的社平工资尚未公布，暂按最近公布的数值计算。"
            />
          )}
          <Table<RuleParameter>
            rowKey="key"
            dataSource={rows}
            pagination={false}
            size="small"
            scroll={{ x: 900 }}
            caption={
              <span style={{ display: 'block', textAlign: 'left', padding: '4px 0' }}>
                {d.date} 施行的参数，共 {rows.length} 项
              </span>
            }
            columns={[
              {
                title: '指标',
                dataIndex: 'label',
                width: 170,
                render: (_, p) => (
                  <>
                    <strong>{p.label}</strong>
                    <div>
                      <Tag>{groupLabel(p.group)}</Tag>
                    </div>
                  </>
                ),
              },
              {
                title: '规定与数值',
                dataIndex: 'description',
                render: (_, p) => (
                  <>
                    {p.description && <div>{p.description}</div>}
                    {/* The value in force as a Chinese sentence (issue 14), never its raw keys. */}
                    {p.text && <div style={{ color: '#434343', marginTop: 4 }}>现行数值：{p.text}</div>}
                    {p.note && (
                      <div style={{ color: '#7c2d12', fontSize: 12, marginTop: 4 }}>
                        解释口径：{p.note.replace(/^Decision:\s*/, '')}
                      </div>
                    )}
                  </>
                ),
              },
              { title: '生效期间', width: 120, render: (_, p) => `${p.from} 至 ${p.to}` },
              {
                title: '依据',
                dataIndex: 'citations',
                width: 260,
                render: (c: string[]) => (
                  <ul style={{ margin: 0, paddingLeft: 16 }}>
                    {c.map((x) => (
                      <li key={x}>{x}</li>
                    ))}
                  </ul>
                ),
              },
            ]}
          />
          <Collapse
            style={{ marginTop: 16 }}
            items={[
              {
                key: 'wages',
                label: '上年度职工社会平均工资（按缴费月份）',
                children: (
                  <Table
                    rowKey="from"
                    size="small"
                    pagination={false}
                    dataSource={d.wageTable}
                    columns={[
                      { title: '缴费月份', render: (_, w) => `${w.from} 至 ${w.to}` },
                      { title: '月平均工资（元）', dataIndex: 'value', align: 'right' },
                    ]}
                  />
                ),
              },
            ]}
          />
        </div>
      )}
    </ReadableTheme>
  );
}
