import { Alert, Card, Descriptions, Empty, Table, Tag, Typography } from 'antd';
import type { ReactNode } from 'react';
import { labelled } from '../../components/phoneTable';
import {
  DETERMINATION_REASONS,
  EDUCATION_LEVELS,
  HOUSEHOLD_LABELS,
  indicatorLabel,
  shanghaiTime,
  type CaseView,
  type ExplainedItem,
  type Registry,
  type Workspace,
} from './caseTypes';
import { documentUrl, useDocumentKinds, type DocumentKind } from './useCase';

/** A link to a printable PDF when the server serves that document; nothing otherwise. */
export function DocumentLink({
  caseId,
  kind,
  refId,
  children,
}: {
  caseId: string;
  kind: DocumentKind;
  refId?: string | number;
  children: ReactNode;
}) {
  const kinds = useDocumentKinds();
  if (!kinds.has(kind)) return null;
  return (
    <a href={documentUrl(caseId, kind, refId)} target="_blank" rel="noreferrer" className="no-print">
      {children}
    </a>
  );
}

export function MaterialsTable({ view }: { view: CaseView }) {
  return (
    <Table
      size="small"
      rowKey="code"
      pagination={false}
      dataSource={view.materials}
      locale={{
        emptyText: (
          <Empty
            image={Empty.PRESENTED_IMAGE_SIMPLE}
            description="还没有需要递交的材料：材料清单按申报的指标生成，单位提交申请后由受理点逐项核对。"
          />
        ),
      }}
      columns={labelled<CaseView['materials'][number]>([
        { title: '材料', dataIndex: 'label' },
        {
          title: '用于',
          dataIndex: 'indicator',
          width: 140,
          render: (v: string | null) => indicatorLabel(v),
        },
        {
          title: '状态',
          dataIndex: 'status',
          width: 180,
          render: (s: string, m) =>
            s === 'received' ? (
              <Tag color="success">已收到</Tag>
            ) : s === 'defective' ? (
              <Tag color="error">有误：{m.defectReason}</Tag>
            ) : (
              <Tag>待提交</Tag>
            ),
        },
      ])}
    />
  );
}

export function NoticesPanel({ view }: { view: CaseView }) {
  if (view.notices.length === 0) return null;
  return (
    <Card title="一次性告知单" size="small" style={{ marginTop: 16 }}>
      {view.notices.map((n) => (
        <section key={n.id} aria-label={`第 ${n.sequence} 次告知`} data-testid="one-time-notice">
          <Typography.Paragraph strong>
            第 {n.sequence} 次告知 · {shanghaiTime(n.issuedAt)}{' '}
            <DocumentLink caseId={view.caseId} kind="one-time-notice" refId={n.sequence}>
              打印告知单（PDF）
            </DocumentLink>
          </Typography.Paragraph>
          <ol>
            {n.items.map((i) => (
              <li key={i.code}>
                {i.label} —— <Typography.Text type="danger">{i.reason}</Typography.Text>
              </li>
            ))}
          </ol>
        </section>
      ))}
    </Card>
  );
}

export function ReceiptsPanel({ view }: { view: CaseView }) {
  if (view.receipts.length === 0) return null;
  return (
    <Card title="收件凭证" size="small" style={{ marginTop: 16 }}>
      {view.receipts.map((r) => (
        <Typography.Paragraph key={r.id}>
          凭证号{' '}
          <Typography.Text strong copyable data-testid="receipt-no">
            {r.receiptNo}
          </Typography.Text>{' '}
          · {shanghaiTime(r.issuedAt)} · 收到材料 {r.items.length} 项{' '}
          <DocumentLink caseId={view.caseId} kind="receipt" refId={r.receiptNo}>
            打印收件凭证（PDF）
          </DocumentLink>
        </Typography.Paragraph>
      ))}
    </Card>
  );
}

/** Per-item points with explanation and citations: the engine's words, never a typed number. */
/**
 * Items claimed by the unit whose review is not finished: the engine counts only verified
 * facts, so before verification such an item reads 0 though it is merely not yet checked.
 */
export function pendingClaims(view: CaseView, workspace: Workspace): Set<string> {
  const open = (indicator: string) => {
    const task = view.reviewTasks.find((t) => t.indicator === indicator);
    return !task || task.status === 'open' || task.status === 'referred';
  };
  return new Set(workspace.claims.map((c) => c.indicator).filter(open));
}

export function ExplanationTable({
  items,
  pending,
}: {
  items: ExplainedItem[];
  /** Claimed items not yet verified: shown as 待核, not as 0 (issue 14). */
  pending?: ReadonlySet<string>;
}) {
  const isPending = (i: ExplainedItem) => i.points === 0 && !!pending?.has(i.id);
  return (
    <Table
      size="small"
      rowKey="id"
      pagination={false}
      dataSource={items.filter((i) => i.points !== 0 || i.group !== 'bonus' || isPending(i))}
      columns={labelled<ExplainedItem>([
        { title: '指标', dataIndex: 'label', width: 180 },
        {
          title: '分值',
          dataIndex: 'points',
          width: 80,
          align: 'right',
          render: (p: number, i) =>
            isPending(i) ? (
              <Tag color="gold">待核</Tag>
            ) : (
              <Typography.Text strong type={p < 0 ? 'danger' : undefined}>
                {p}
              </Typography.Text>
            ),
        },
        {
          title: '说明与依据',
          key: 'explanation',
          render: (_: unknown, i) => (
            <>
              <div>{isPending(i) ? '单位已申报，审核通过后按核实的情况计分。' : i.explanation}</div>
              {i.citations.length > 0 ? (
                <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                  依据：{i.citations.join('；')}
                </Typography.Text>
              ) : null}
            </>
          ),
        },
      ])}
    />
  );
}

export function DeterminationsPanel({ view, workspace }: { view: CaseView; workspace: Workspace }) {
  if (workspace.determinations.length === 0) return null;
  const latest = workspace.determinations[workspace.determinations.length - 1]!;
  return (
    <Card title="积分核定" size="small" style={{ marginTop: 16 }}>
      {[...workspace.determinations].reverse().map((d) => (
        <section key={d.sequence} aria-label={`第 ${d.sequence} 次核定`} style={{ marginBottom: 16 }}>
          <Typography.Title level={5} style={{ marginTop: 0 }}>
            第 {d.sequence} 次核定（{DETERMINATION_REASONS[d.reason] ?? d.reason}）：
            <span data-testid="determination-total">{d.total}</span> 分{' '}
            {d === latest && view.state === 'determined' ? (
              <Tag color="success">现行有效</Tag>
            ) : (
              <Tag>已被取代</Tag>
            )}
          </Typography.Title>
          <Typography.Paragraph type="secondary">
            标准分值 {d.standard} 分 · 规则版本 {d.rulesVersion} · 受理日 {d.acceptanceDate} · 核定时间{' '}
            {shanghaiTime(d.decidedAt)} · 核验码 <Typography.Text code>{d.verificationCode}</Typography.Text>{' '}
            <DocumentLink caseId={view.caseId} kind="points-notice" refId={d.sequence}>
              下载积分通知书（PDF）
            </DocumentLink>
          </Typography.Paragraph>
          <ExplanationTable items={d.items} />
        </section>
      ))}
    </Card>
  );
}

export function ReconsiderationsPanel({ view }: { view: CaseView }) {
  if (view.reconsiderations.length === 0) return null;
  return (
    <Card title="复核" size="small" style={{ marginTop: 16 }}>
      <Table
        size="small"
        rowKey="id"
        pagination={false}
        dataSource={view.reconsiderations}
        columns={labelled<CaseView['reconsiderations'][number]>([
          { title: '层级', dataIndex: 'level', render: (l: string) => (l === 'city' ? '市级' : '区级') },
          { title: '申请时间', dataIndex: 'requestedAt', render: shanghaiTime },
          { title: '理由', dataIndex: 'grounds' },
          { title: '决定期限', dataIndex: 'dueDate', render: (d: string | null) => d ?? '—' },
          {
            title: '结果',
            key: 'outcome',
            render: (_: unknown, r) =>
              r.status === 'decided' ? (
                <span data-testid="reconsideration-outcome">
                  {r.outcome === 'upheld' ? '维持原核定' : '变更核定'}
                  {(r.decisionDocument as { reasons?: string } | null)?.reasons
                    ? `：${(r.decisionDocument as { reasons: string }).reasons}`
                    : ''}{' '}
                  <DocumentLink caseId={view.caseId} kind="reconsideration-decision" refId={r.id}>
                    复核决定书（PDF）
                  </DocumentLink>
                </span>
              ) : r.status === 'withdrawn' ? (
                '已撤回'
              ) : (
                <Tag color="purple">待决定</Tag>
              ),
          },
        ])}
      />
    </Card>
  );
}

export function RefusalsPanel({ view }: { view: CaseView }) {
  if (view.refusals.length === 0) return null;
  return (
    <Alert
      type="error"
      showIcon
      style={{ marginTop: 16 }}
      title="不予积分"
      description={
        <ul style={{ margin: 0 }}>
          {view.refusals.flatMap((r) =>
            r.reasons.map((x) => (
              <li key={`${r.id}-${x.code}`}>
                {x.text}（{x.citation}）
              </li>
            )),
          )}
        </ul>
      }
    />
  );
}

/** What the shared registries hold for the holder: shown beside claims, never retyped. */
export function registryFacts(r: Registry | null | undefined, indicator: string): ReactNode {
  if (!r) return '—';
  switch (indicator) {
    case 'archive':
      return r.permit
        ? `居住证 ${r.permit.permitNo}，${r.permit.issuedOn} 领取，有效期至 ${r.permit.validUntil}，签注至 ${r.permit.endorsedUntil}（${r.permit.status === 'active' ? '有效' : '已注销'}）`
        : '无居住证记录';
    case 'insurance':
      return `社保 ${r.insurance.months} 个月（${r.insurance.firstMonth ?? '—'} 至 ${r.insurance.lastMonth ?? '—'}），最近基数 ${r.insurance.lastBaseCny ?? '—'} 元${r.insurance.backPaidMonths ? `，补缴 ${r.insurance.backPaidMonths} 个月` : ''}`;
    case 'education':
      return r.education.length
        ? r.education
            .map(
              (e) =>
                `${EDUCATION_LEVELS[e.level] ?? e.level}${e.degree ? '（有学位）' : '（无学位）'}${e.fullTime ? '全日制' : '非全日制'}，证书 ${e.certificateNo}，学信核验：${e.result === 'verified' ? '属实' : e.result === 'mismatch' ? '不符' : '未查到'}（${e.verifiedOn}）`,
            )
            .join('；')
        : '学历核验库无记录';
    case 'spouse_hukou':
    case 'household':
      return r.household.length
        ? r.household
            .map((h) => `${HOUSEHOLD_LABELS[h.recordType] ?? h.recordType} ${h.eventDate}`)
            .join('；')
        : '户籍与婚姻登记无记录';
    case 'investment':
      return r.tax.length
        ? `近 ${r.tax.length} 个月个税合计 ${r.tax.reduce((a, t) => a + t.taxCny, 0).toFixed(2)} 元`
        : '个税记录无数据';
    default:
      return '共享登记库无此项数据，以申报材料为准';
  }
}

export function RegistryDescriptions({ registry }: { registry: Registry | null | undefined }) {
  if (!registry) return <Empty description="没有登记数据" />;
  const r = registry;
  return (
    <Descriptions
      bordered
      size="small"
      column={{ xs: 1, md: 2 }}
      items={[
        { key: 'name', label: '姓名', children: r.holder.name },
        { key: 'id', label: '身份证号', children: r.holder.idNumberMasked },
        { key: 'birth', label: '出生日期', children: r.holder.birthDate },
        { key: 'phone', label: '手机', children: r.holder.phoneMasked ?? '—' },
        { key: 'permit', label: '居住证', children: registryFacts(r, 'archive') },
        { key: 'ins', label: '社会保险', children: registryFacts(r, 'insurance') },
        { key: 'edu', label: '学历', children: registryFacts(r, 'education') },
        { key: 'hh', label: '户籍与婚姻', children: registryFacts(r, 'household') },
      ]}
    />
  );
}

export function CaseTitle({ view, children }: { view: CaseView; children?: ReactNode }) {
  return (
    <Typography.Title level={3} style={{ marginTop: 0 }}>
      申请 <span data-testid="application-no">{view.applicationNo ?? '（未编号）'}</span>
      <Typography.Text type="secondary" style={{ fontSize: 14, fontWeight: 'normal', marginLeft: 12 }}>
        持证人 {view.holder?.name ?? view.holderId}（{view.holder?.idNumberMasked ?? '—'}）·{' '}
        {view.unit?.name ?? view.unitId}· {view.district}
      </Typography.Text>
      {children}
    </Typography.Title>
  );
}
