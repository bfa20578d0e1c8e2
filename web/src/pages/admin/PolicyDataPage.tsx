import {
  Alert,
  Button,
  Card,
  Checkbox,
  Col,
  Descriptions,
  Form,
  Input,
  InputNumber,
  Row,
  Space,
  Table,
  Tabs,
  Tag,
  Typography,
  message,
} from 'antd';
import { useCallback, useEffect, useState, type ReactNode } from 'react';
import { api } from '../../api/client';
import type { PolicyDataOverview as Overview } from '../../api/contract';
import { ProblemAlert, applyFieldErrors } from '../../components/ProblemAlert';

const KIND: Record<string, string> = {
  wage_figure: '社平工资',
  calendar_year: '工作日历',
  materials_catalogue: '材料目录',
};

/**
 * 政策数据加载: a new 社平工资 figure, a new year of holidays, a catalogue update.
 * Every load is previewed first (nothing changes), then applied; applied loads
 * are kept in the database with who, when and the citation (append-only).
 */
export default function PolicyDataPage() {
  const [overview, setOverview] = useState<Overview>();
  const [error, setError] = useState<unknown>();
  const load = useCallback(() => {
    api<Overview>('GET', '/api/v1/admin/policy-data').then(setOverview, setError);
  }, []);
  useEffect(load, [load]);
  return (
    <div>
      <Typography.Title level={3} style={{ marginTop: 0 }}>
        政策数据加载
      </Typography.Title>
      <ProblemAlert error={error} />
      {overview ? (
        <Descriptions
          size="small"
          bordered
          column={{ xs: 1, md: 2, xl: 4 }}
          style={{ marginBottom: 16 }}
          data-testid="policy-overview"
        >
          <Descriptions.Item label="数据版本">{overview.dataRevision}</Descriptions.Item>
          <Descriptions.Item label="最新社平工资">
            {overview.wages.at(-1)
              ? `${overview.wages.at(-1)!.value} 元（${overview.wages.at(-1)!.from} 至 ${overview.wages.at(-1)!.to}）`
              : '—'}
          </Descriptions.Item>
          <Descriptions.Item label="工作日历">
            {overview.calendarYears[0]}–{overview.calendarYears.at(-1)} 年
          </Descriptions.Item>
          <Descriptions.Item label="材料目录">
            {overview.catalogue.materials} 项（{overview.catalogue.from} 起）
          </Descriptions.Item>
        </Descriptions>
      ) : null}
      <Tabs
        items={[
          { key: 'wage', label: '社平工资', children: <WageTab onApplied={load} /> },
          {
            key: 'calendar',
            label: '节假日（工作日历）',
            children: <UploadTab kind="calendar" onApplied={load} />,
          },
          { key: 'catalogue', label: '材料目录', children: <UploadTab kind="catalogue" onApplied={load} /> },
          {
            key: 'history',
            label: '加载记录',
            children: (
              <Table
                size="small"
                rowKey="id"
                dataSource={overview?.revisions ?? []}
                pagination={{ pageSize: 10 }}
                columns={[
                  { title: '时间', render: (_, r) => r.loadedAt.replace('T', ' ').slice(0, 16) },
                  { title: '类别', render: (_, r) => KIND[r.kind] ?? r.kind },
                  { title: '内容', dataIndex: 'subject' },
                  { title: '依据', dataIndex: 'citation' },
                  { title: '加载人', dataIndex: 'loadedByName' },
                  { title: '内容摘要', dataIndex: 'contentHash' },
                ]}
              />
            ),
          },
        ]}
      />
    </div>
  );
}

interface WagePreview {
  change: 'appended' | 'replaced' | 'unchanged';
  figure: { from: string; to: string; value: number };
  before: { value: number } | null;
  provisionalBefore: { value: number; from: string } | null;
  tableTail: { from: string; to: string; value: number }[];
  assumption: string;
  examples: (
    { caseId: string; base: number | null; before: Score; after: Score } | { caseId: string; error: string }
  )[];
}
interface Score {
  total: number;
  insuranceBase: number;
  provisional: boolean;
}

function WageTab({ onApplied }: { onApplied: () => void }) {
  const [form] = Form.useForm();
  const [preview, setPreview] = useState<WagePreview>();
  const [previewed, setPreviewed] = useState<string>();
  const [error, setError] = useState<unknown>();
  const [busy, setBusy] = useState(false);
  const values = Form.useWatch([], form) as unknown;
  const current = JSON.stringify(values ?? {});
  const run = async (apply: boolean) => {
    setBusy(true);
    setError(undefined);
    form.setFields(['from', 'to', 'value', 'citation'].map((name) => ({ name, errors: [] })));
    const body = form.getFieldsValue() as Record<string, unknown>;
    try {
      if (apply) {
        await api('POST', '/api/v1/admin/wages', body);
        void message.success('社平工资已加载，新的积分计算即时生效');
        setPreview(undefined);
        setPreviewed(undefined);
        form.resetFields();
        onApplied();
      } else {
        setPreview(await api<WagePreview>('POST', '/api/v1/admin/wages/preview', body));
        setPreviewed(JSON.stringify(form.getFieldsValue()));
      }
    } catch (e) {
      setError(e);
      setPreview(undefined);
      applyFieldErrors(form, e);
    } finally {
      setBusy(false);
    }
  };
  return (
    <Row gutter={[24, 16]}>
      <Col xs={24} lg={9}>
        <ProblemAlert error={error} />
        <Form form={form} layout="vertical" aria-label="社平工资">
          <Form.Item name="from" label="适用起始月份" extra="YYYY-MM，例如 2026-07">
            <Input placeholder="2026-07" />
          </Form.Item>
          <Form.Item name="to" label="适用结束月份">
            <Input placeholder="2027-06" />
          </Form.Item>
          <Form.Item name="value" label="上年度全市职工月平均工资（元/月）">
            <InputNumber style={{ width: '100%' }} />
          </Form.Item>
          <Form.Item name="citation" label="依据（发布文件或公告）">
            <Input.TextArea rows={2} />
          </Form.Item>
          <Space>
            <Button onClick={() => void run(false)} loading={busy && !preview}>
              预览变化
            </Button>
            <Button
              type="primary"
              disabled={!preview || previewed !== current}
              onClick={() => void run(true)}
              loading={busy && !!preview}
            >
              确认加载
            </Button>
          </Space>
        </Form>
      </Col>
      <Col xs={24} lg={15}>
        <section aria-live="polite" aria-label="预览结果">
          {preview ? (
            <Card size="small" title="预览：加载后的变化" data-testid="wage-preview">
              <Descriptions size="small" column={1}>
                <Descriptions.Item label="变化">
                  {preview.change === 'appended' ? (
                    <Tag color="blue">新增一条</Tag>
                  ) : preview.change === 'replaced' ? (
                    <Tag color="orange">更正已有一条</Tag>
                  ) : (
                    <Tag>无变化</Tag>
                  )}
                  {preview.figure.from} 至 {preview.figure.to}：
                  {preview.before ? `${preview.before.value} → ` : ''}
                  <b>{preview.figure.value} 元</b>
                </Descriptions.Item>
                {preview.provisionalBefore ? (
                  <Descriptions.Item label="此前">
                    这些月份暂按最新公布的 {preview.provisionalBefore.value} 元计算（结果标注为暂定）
                  </Descriptions.Item>
                ) : null}
              </Descriptions>
              <Table
                size="small"
                pagination={false}
                rowKey="from"
                title={() => '社平工资表（末尾几条，加载后）'}
                dataSource={preview.tableTail}
                rowClassName={(r) => (r.from === preview.figure.from ? 'ant-table-row-selected' : '')}
                columns={[
                  { title: '起', dataIndex: 'from' },
                  { title: '止', dataIndex: 'to' },
                  { title: '元/月', dataIndex: 'value', align: 'right' },
                ]}
              />
              <Typography.Paragraph style={{ marginTop: 12, marginBottom: 4 }}>
                {preview.assumption}
              </Typography.Paragraph>
              <Table
                size="small"
                pagination={false}
                rowKey="caseId"
                data-testid="wage-examples"
                dataSource={preview.examples}
                columns={[
                  { title: '示例案件', dataIndex: 'caseId' },
                  { title: '缴费基数', render: (_, e) => ('base' in e && e.base ? `${e.base} 元` : '—') },
                  {
                    title: '社保基数分（前→后）',
                    render: (_, e) =>
                      'before' in e ? arrow(e.before.insuranceBase, e.after.insuranceBase) : '—',
                  },
                  {
                    title: '总分（前→后）',
                    render: (_, e) => ('before' in e ? arrow(e.before.total, e.after.total) : e.error),
                  },
                  {
                    title: '暂定',
                    render: (_, e) =>
                      'before' in e
                        ? `${e.before.provisional ? '是' : '否'} → ${e.after.provisional ? '是' : '否'}`
                        : '',
                  },
                ]}
              />
            </Card>
          ) : (
            <Alert
              type="info"
              showIcon
              title="填写后点击“预览变化”：先看数据差异和对示例持证人积分的影响，再确认加载。"
            />
          )}
        </section>
      </Col>
    </Row>
  );
}

const arrow = (a: number, b: number): ReactNode => (
  <span>
    {a} → <b style={{ color: b > a ? '#166534' : b < a ? '#b91c1c' : undefined }}>{b}</b>
    {b !== a ? `（${b > a ? '+' : ''}${b - a}）` : ''}
  </span>
);

interface CalendarPreview {
  year: number;
  replaced: boolean;
  sources: { title: string; documentNumber?: string }[];
  holidays: number;
  makeupWorkdays: number;
  workdays: number;
  months: { month: string; workdays: number }[];
  holidayNames: string[];
  diff: null | Record<'holidays' | 'makeupWorkdays', { added: string[]; removed: string[] }>;
  deadlines: { kind: string; label: string; lastStartBefore: string | null; lastStartAfter: string | null }[];
  warnings: string[];
}
interface CataloguePreview {
  label: string;
  from: string;
  materials: number;
  added: { id: string; name: string }[];
  removed: { id: string; name: string }[];
  changed: { id: string; name: string; fields: string[] }[];
  header: { field: string; before: string; after: string }[];
  parameters: unknown;
}

function UploadTab({ kind, onApplied }: { kind: 'calendar' | 'catalogue'; onApplied: () => void }) {
  const [text, setText] = useState('');
  const [replace, setReplace] = useState(false);
  const [preview, setPreview] = useState<CalendarPreview | CataloguePreview>();
  const [previewed, setPreviewed] = useState<string>();
  const [error, setError] = useState<unknown>();
  const [busy, setBusy] = useState(false);
  const base = kind === 'calendar' ? '/api/v1/admin/calendar-years' : '/api/v1/admin/catalogues/materials';
  const body = kind === 'calendar' ? { text, ...(replace ? { replace: true } : {}) } : { text };
  const key = JSON.stringify(body);
  const run = async (apply: boolean) => {
    setBusy(true);
    setError(undefined);
    try {
      if (apply) {
        await api('POST', base, body);
        void message.success(kind === 'calendar' ? '工作日历已加载' : '材料目录已更新');
        setPreview(undefined);
        setText('');
        onApplied();
      } else {
        setPreview(await api<CalendarPreview | CataloguePreview>('POST', `${base}/preview`, body));
        setPreviewed(key);
      }
    } catch (e) {
      setError(e);
      setPreview(undefined);
    } finally {
      setBusy(false);
    }
  };
  const label =
    kind === 'calendar'
      ? '年度工作日历（YAML 或 JSON，格式同 rules/calendars/cn/YYYY.yaml）'
      : '材料目录（YAML 或 JSON，格式同 rules/catalogues/materials.yaml）';
  return (
    <Row gutter={[24, 16]}>
      <Col xs={24} lg={9}>
        <ProblemAlert error={error} />
        <Form layout="vertical" aria-label={kind === 'calendar' ? '工作日历' : '材料目录'}>
          <Form.Item label="选择文件" htmlFor={`${kind}-file`}>
            <input
              id={`${kind}-file`}
              type="file"
              accept=".yaml,.yml,.json"
              onChange={(e) => {
                const f = e.target.files?.[0];
                if (f) void f.text().then(setText);
              }}
            />
          </Form.Item>
          <Form.Item label={label} htmlFor={`${kind}-text`} validateStatus={error ? 'error' : undefined}>
            <Input.TextArea
              id={`${kind}-text`}
              rows={14}
              value={text}
              onChange={(e) => setText(e.target.value)}
              style={{ fontFamily: 'monospace' }}
            />
          </Form.Item>
          {kind === 'calendar' ? (
            <Form.Item>
              <Checkbox checked={replace} onChange={(e) => setReplace(e.target.checked)}>
                替换已有年度（国务院发布调整通知时）
              </Checkbox>
            </Form.Item>
          ) : null}
          <Space>
            <Button onClick={() => void run(false)} loading={busy && !preview} disabled={!text.trim()}>
              预览变化
            </Button>
            <Button
              type="primary"
              disabled={!preview || previewed !== key}
              onClick={() => void run(true)}
              loading={busy && !!preview}
            >
              确认加载
            </Button>
          </Space>
        </Form>
      </Col>
      <Col xs={24} lg={15}>
        <section aria-live="polite" aria-label="预览结果">
          {!preview ? (
            <Alert type="info" showIcon title="粘贴或选择文件后点击“预览变化”，确认无误再加载。" />
          ) : kind === 'calendar' ? (
            <CalendarPreviewCard p={preview as CalendarPreview} />
          ) : (
            <CataloguePreviewCard p={preview as CataloguePreview} />
          )}
        </section>
      </Col>
    </Row>
  );
}

function CalendarPreviewCard({ p }: { p: CalendarPreview }) {
  return (
    <Card size="small" title={`预览：${p.year} 年工作日历`} data-testid="calendar-preview">
      {p.warnings.map((w) => (
        <Alert key={w} type="warning" showIcon title={w} style={{ marginBottom: 8 }} />
      ))}
      <Descriptions size="small" column={{ xs: 1, md: 2 }} bordered>
        <Descriptions.Item label="依据">
          {p.sources.map((s) => s.title + (s.documentNumber ? `（${s.documentNumber}）` : '')).join('；')}
        </Descriptions.Item>
        <Descriptions.Item label="变化">
          {p.replaced ? <Tag color="orange">替换已有年度</Tag> : <Tag color="blue">新增年度</Tag>}
        </Descriptions.Item>
        <Descriptions.Item label="全年工作日">
          <b data-testid="calendar-workdays">{p.workdays}</b> 天
        </Descriptions.Item>
        <Descriptions.Item label="放假日 / 调休上班日">
          {p.holidays} 天 / {p.makeupWorkdays} 天（{p.holidayNames.join('、')}）
        </Descriptions.Item>
      </Descriptions>
      {p.diff ? (
        <Typography.Paragraph style={{ marginTop: 8 }}>
          与现有数据相比：放假日新增 {p.diff.holidays.added.join('、') || '无'}，删除{' '}
          {p.diff.holidays.removed.join('、') || '无'}；调休上班日新增{' '}
          {p.diff.makeupWorkdays.added.join('、') || '无'}，删除{' '}
          {p.diff.makeupWorkdays.removed.join('、') || '无'}。
        </Typography.Paragraph>
      ) : null}
      <Table
        size="small"
        style={{ marginTop: 12 }}
        pagination={false}
        rowKey="kind"
        title={() => '可计算的期限（起算日最晚可到）'}
        dataSource={p.deadlines}
        columns={[
          { title: '期限', dataIndex: 'label' },
          { title: '加载前', render: (_, d) => d.lastStartBefore ?? '无法计算' },
          { title: '加载后', render: (_, d) => <b>{d.lastStartAfter ?? '无法计算'}</b> },
        ]}
      />
      <Table
        size="small"
        style={{ marginTop: 12 }}
        pagination={false}
        rowKey="month"
        title={() => '各月工作日'}
        dataSource={[
          { key: 'w', ...Object.fromEntries(p.months.map((m) => [m.month.slice(5), m.workdays])) },
        ]}
        scroll={{ x: true }}
        columns={p.months.map((m) => ({
          title: `${Number(m.month.slice(5))}月`,
          dataIndex: m.month.slice(5),
          align: 'center' as const,
        }))}
      />
    </Card>
  );
}

function CataloguePreviewCard({ p }: { p: CataloguePreview }) {
  const list = (items: { id: string; name: string }[]) =>
    items.length ? items.map((i) => `${i.name}（${i.id}）`).join('；') : '无';
  return (
    <Card size="small" title={`预览：${p.label}`} data-testid="catalogue-preview">
      <Descriptions size="small" column={1} bordered>
        <Descriptions.Item label="材料项数">{p.materials}</Descriptions.Item>
        <Descriptions.Item label="新增">{list(p.added)}</Descriptions.Item>
        <Descriptions.Item label="删除">{list(p.removed)}</Descriptions.Item>
        <Descriptions.Item label="修改">
          {p.changed.length ? p.changed.map((c) => `${c.name}（${c.fields.join('、')}）`).join('；') : '无'}
        </Descriptions.Item>
        {p.header.length ? (
          <Descriptions.Item label="目录信息">
            {p.header.map((h) => `${h.field}: ${h.before} → ${h.after}`).join('；')}
          </Descriptions.Item>
        ) : null}
        {p.parameters ? <Descriptions.Item label="参数">已修改</Descriptions.Item> : null}
      </Descriptions>
    </Card>
  );
}
