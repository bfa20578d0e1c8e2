import { InboxOutlined } from '@ant-design/icons';
import {
  Alert,
  Button,
  Card,
  Checkbox,
  Flex,
  Form,
  Input,
  Modal,
  Select,
  Table,
  Tag,
  Typography,
  Upload,
  type UploadFile,
} from 'antd';
import { useCallback, useEffect, useState } from 'react';
import { Link } from 'react-router';
import { api, uploadFile } from '../../api/client';
import type {
  EvidenceFile,
  PendingReconsideration,
  Qualification,
  ReconsiderationFact,
  RedeterminationSide,
} from '../../api/contract';
import { applyFieldErrors, ProblemAlert } from '../../components/ProblemAlert';
import { INDICATOR_LABELS, type CaseView, type CommandResult, type Workspace } from './caseTypes';

/**
 * Reconsideration that can correct (issue 15): the applicant's request with
 * what is disputed, a corrected fact and evidence files; the reviewer's check
 * of each fact against the evidence; the approver's before/after per item; and
 * the district's list of pending requests with their deadlines.
 */

const MB = 1024 * 1024;
const EVIDENCE_UPLOADED = 'jifen-evidence-uploaded';
const TITLE_LEVELS: Record<string, string> = { junior: '初级', intermediate: '中级', senior: '高级' };

const FACT_STATUS: Record<ReconsiderationFact['status'], { text: string; color: string }> = {
  open: { text: '待核实', color: 'orange' },
  accepted: { text: '经核实属实', color: 'green' },
  rejected: { text: '不予采纳', color: 'red' },
};

const sizeText = (n: number) =>
  n >= MB ? `${(n / MB).toFixed(1)} MB` : `${Math.max(1, Math.round(n / 1024))} KB`;

function factText(f: ReconsiderationFact): string {
  // A qualification fact's detail is the claim's (src/contract/claims.ts): qualifications of the profile.
  const q = (f.detail.qualifications ?? []) as Qualification[];
  if (q.length)
    return q
      .map((x) => {
        const level = 'level' in x ? x.level : undefined;
        return `${x.type === 'title' ? '职称' : '技能'} ${TITLE_LEVELS[String(level)] ?? `${level}级`}${x.matchesPost ? '（与岗位相符）' : ''}`;
      })
      .join('；');
  return INDICATOR_LABELS[f.indicator] ?? '其他事实';
}

/** The request form of the holder or the unit's HR: grounds, disputed item, a corrected title, evidence files. */
export function ReconsiderationRequestCard({
  view,
  workspace,
  run,
  busy,
  onDone,
}: {
  view: CaseView;
  workspace: Workspace;
  run: (segment: string, body?: unknown) => Promise<CommandResult>;
  busy: boolean;
  onDone: (message: string) => void;
}) {
  const [form] = Form.useForm<{
    grounds: string;
    disputedItem?: string;
    disputedStatement?: string;
    titleLevel?: string;
    matchesPost?: boolean;
    factStatement?: string;
  }>();
  const [files, setFiles] = useState<UploadFile[]>([]);
  const [error, setError] = useState<unknown>();
  const [sending, setSending] = useState(false);
  const latest = workspace.determinations[workspace.determinations.length - 1];
  const items = (latest?.items ?? []).map((i) => ({ value: i.id, label: `${i.label}（${i.points} 分）` }));
  const titleLevel = Form.useWatch('titleLevel', form);

  const submit = async (v: Awaited<ReturnType<typeof form.validateFields>>) => {
    setError(undefined);
    const total = files.reduce((a, f) => a + (f.size ?? 0), 0);
    const big = files.find((f) => (f.size ?? 0) > 10 * MB);
    if (big) return setError(new Error(`「${big.name}」超过 10 MB，请压缩或分页扫描后再上传`));
    if (total > 30 * MB) return setError(new Error('证据材料合计不得超过 30 MB'));
    setSending(true);
    try {
      await run('reconsideration', {
        grounds: v.grounds,
        ...(v.disputedStatement
          ? {
              disputed: [
                { ...(v.disputedItem ? { indicator: v.disputedItem } : {}), statement: v.disputedStatement },
              ],
            }
          : {}),
        ...(v.titleLevel
          ? {
              facts: [
                {
                  indicator: 'qualification',
                  detail: {
                    qualifications: [
                      { type: 'title', level: v.titleLevel, ...(v.matchesPost ? { matchesPost: true } : {}) },
                    ],
                  },
                  statement: v.factStatement ?? '',
                },
              ],
            }
          : {}),
      });
      for (const f of files)
        await uploadFile(
          `/api/v1/cases/${encodeURIComponent(view.caseId)}/evidence`,
          f.originFileObj as Blob,
          {
            name: f.name,
          },
        );
      if (files.length) window.dispatchEvent(new Event(EVIDENCE_UPLOADED));
      form.resetFields();
      setFiles([]);
      onDone(
        files.length
          ? `复核申请已提交，已上传证据材料 ${files.length} 份，由区人社局办理`
          : '复核申请已提交，由区人社局办理',
      );
    } catch (e) {
      setError(e);
      applyFieldErrors(form, e, ['input']);
    } finally {
      setSending(false);
    }
  };

  return (
    <Card title="申请复核" size="small" style={{ marginTop: 16 }}>
      <Typography.Paragraph type="secondary">
        对核定结果有异议的，可向原受理区申请复核，区人社局在 20 个工作日内作出决定（实施细则 第十二条）。
        申请时漏报的情况（如已取得的职称）可在此补正，并上传证书等证据材料，由审核人员对照核实后重新核定。
      </Typography.Paragraph>
      <ProblemAlert error={error} />
      <Form form={form} layout="vertical" onFinish={submit}>
        <Form.Item
          label="复核理由"
          name="grounds"
          rules={[{ required: true, whitespace: true, message: '请填写复核理由' }]}
        >
          <Input.TextArea rows={3} maxLength={1000} showCount />
        </Form.Item>
        <Flex gap={12} wrap>
          <Form.Item label="有异议的积分项目" name="disputedItem" style={{ minWidth: 260 }}>
            <Select allowClear placeholder="核定结果整体" options={items} />
          </Form.Item>
          <Form.Item label="异议内容" name="disputedStatement" style={{ flex: 1, minWidth: 260 }}>
            <Input maxLength={500} placeholder="例如：中级职称未计分" />
          </Form.Item>
        </Flex>
        <Flex gap={12} wrap align="end">
          <Form.Item label="补正职称（申请时漏报的）" name="titleLevel" style={{ minWidth: 220 }}>
            <Select
              allowClear
              placeholder="不补正"
              options={Object.entries(TITLE_LEVELS).map(([value, label]) => ({
                value,
                label: `${label}职称`,
              }))}
            />
          </Form.Item>
          <Form.Item name="matchesPost" valuePropName="checked">
            <Checkbox disabled={!titleLevel}>职称与现岗位相符</Checkbox>
          </Form.Item>
        </Flex>
        {titleLevel ? (
          <Form.Item
            label="补正情况说明"
            name="factStatement"
            rules={[{ required: true, whitespace: true, message: '请说明取得时间、证书编号等情况' }]}
          >
            <Input.TextArea
              rows={2}
              maxLength={500}
              showCount
              placeholder="例如：取得时间、证书编号、申请时漏报的原因"
            />
          </Form.Item>
        ) : null}
        <Form.Item label="证据材料（PDF、JPG、PNG，单个不超过 10 MB，合计不超过 30 MB）">
          <Upload.Dragger
            multiple
            accept=".pdf,.jpg,.jpeg,.png"
            fileList={files}
            beforeUpload={(file) => {
              setFiles((fs) => [
                ...fs,
                { uid: file.uid, name: file.name, size: file.size, originFileObj: file, status: 'done' },
              ]);
              return false;
            }}
            onRemove={(f) => setFiles((fs) => fs.filter((x) => x.uid !== f.uid))}
          >
            <p className="ant-upload-drag-icon">
              <InboxOutlined />
            </p>
            <p>点击或拖入证书扫描件、照片</p>
          </Upload.Dragger>
        </Form.Item>
        <Button type="primary" htmlType="submit" loading={busy || sending}>
          提交复核申请
        </Button>
      </Form>
    </Card>
  );
}

function useFactsAndEvidence(caseId: string, version: number) {
  const [facts, setFacts] = useState<ReconsiderationFact[]>([]);
  const [files, setFiles] = useState<EvidenceFile[]>([]);
  const [error, setError] = useState<unknown>();
  const load = useCallback(async () => {
    try {
      const id = encodeURIComponent(caseId);
      const [f, e] = await Promise.all([
        api<{ facts: ReconsiderationFact[] }>('GET', `/api/v1/cases/${id}/reconsideration-facts`),
        api<{ files: EvidenceFile[] }>('GET', `/api/v1/cases/${id}/evidence`),
      ]);
      setFacts(f.facts);
      setFiles(e.files);
      setError(undefined);
    } catch (e) {
      setError(e);
    }
  }, [caseId]);
  useEffect(() => {
    void load();
  }, [load, version]);
  // Files are uploaded after the request's command (which reloads the case): list them once they are in.
  useEffect(() => {
    const again = () => void load();
    window.addEventListener(EVIDENCE_UPLOADED, again);
    return () => window.removeEventListener(EVIDENCE_UPLOADED, again);
  }, [load]);
  return { facts, files, error };
}

/** The facts added in reconsideration and the evidence: read by all who see the case, checked by the reviewer. */
export function ReconsiderationFactsCard({
  view,
  canReview,
  run,
  busy,
  onDone,
}: {
  view: CaseView;
  canReview: boolean;
  run: (segment: string, body?: unknown) => Promise<CommandResult>;
  busy: boolean;
  onDone: (message: string) => void;
}) {
  const { facts, files, error } = useFactsAndEvidence(view.caseId, view.version);
  const [reviewing, setReviewing] = useState<{
    fact: ReconsiderationFact;
    result: 'accepted' | 'rejected';
  }>();
  const [dialogError, setDialogError] = useState<unknown>();
  const [form] = Form.useForm<{ note: string }>();
  if (facts.length === 0 && files.length === 0 && !error) return null;
  const pendingIds = new Set(view.reconsiderations.filter((r) => r.status === 'requested').map((r) => r.id));
  const awaiting = facts.filter((f) => f.status === 'open' && pendingIds.has(f.reconsiderationId)).length;

  return (
    <Card
      title="复核补正事实与证据材料"
      size="small"
      style={{ marginTop: 16 }}
      data-testid="reconsideration-facts"
    >
      <ProblemAlert error={error} />
      {!canReview && awaiting > 0 ? (
        // workflow.md: facts come from reviewed evidence — the decision waits for the reviewer.
        <Alert
          type="info"
          showIcon
          style={{ marginBottom: 8 }}
          data-testid="facts-awaiting-review"
          title={`尚有 ${awaiting} 项补正事实待审核人员对照证据核实，核实后方可作出复核决定。`}
        />
      ) : null}
      {facts.length ? (
        <Table<ReconsiderationFact>
          size="small"
          rowKey="id"
          pagination={false}
          dataSource={facts}
          columns={[
            { title: '积分项目', render: (_, f) => INDICATOR_LABELS[f.indicator] ?? '其他项目' },
            { title: '补正内容', render: (_, f) => factText(f) },
            { title: '申请人陈述', dataIndex: 'statement' },
            {
              title: '核实结果',
              render: (_, f) => (
                <span data-testid="fact-status">
                  <Tag color={FACT_STATUS[f.status].color}>{FACT_STATUS[f.status].text}</Tag>
                  {f.reviewNote ?? ''}
                </span>
              ),
            },
            ...(canReview
              ? [
                  {
                    title: '核实',
                    render: (_: unknown, f: ReconsiderationFact) =>
                      f.status === 'open' && pendingIds.has(f.reconsiderationId) ? (
                        <Flex gap={8}>
                          <Button
                            size="small"
                            type="primary"
                            onClick={() => setReviewing({ fact: f, result: 'accepted' })}
                          >
                            核实属实
                          </Button>
                          <Button
                            size="small"
                            danger
                            onClick={() => setReviewing({ fact: f, result: 'rejected' })}
                          >
                            不予采纳
                          </Button>
                        </Flex>
                      ) : null,
                  },
                ]
              : []),
          ]}
        />
      ) : null}
      <Typography.Paragraph strong style={{ marginTop: 12, marginBottom: 4 }}>
        证据材料
      </Typography.Paragraph>
      {files.length ? (
        <ul data-testid="evidence-files" style={{ margin: 0 }}>
          {files.map((f) => (
            <li key={f.id}>
              <a
                href={`/api/v1/cases/${encodeURIComponent(view.caseId)}/evidence/${encodeURIComponent(f.id)}`}
                download={f.fileName}
              >
                {f.fileName}
              </a>
              <Typography.Text type="secondary">（{sizeText(f.size)}，下载查看）</Typography.Text>
            </li>
          ))}
        </ul>
      ) : (
        <Typography.Text type="secondary">申请人未上传证据材料</Typography.Text>
      )}
      <Modal
        open={reviewing !== undefined}
        title={reviewing?.result === 'accepted' ? '核实属实：计入重新核定' : '不予采纳：不计入重新核定'}
        okText="确认"
        cancelText="取消"
        confirmLoading={busy}
        onCancel={() => setReviewing(undefined)}
        onOk={async () => {
          const v = await form.validateFields();
          setDialogError(undefined);
          try {
            await run('reconsideration-fact-review', {
              factId: reviewing!.fact.id,
              result: reviewing!.result,
              note: v.note,
            });
            onDone(reviewing!.result === 'accepted' ? '已核实属实，可由核定人员重新核定' : '已记录不予采纳');
            setReviewing(undefined);
            form.resetFields();
          } catch (e) {
            setDialogError(e);
            applyFieldErrors(form, e, ['input']);
          }
        }}
      >
        <Typography.Paragraph>
          {reviewing ? `${factText(reviewing.fact)}：${reviewing.fact.statement}` : ''}
        </Typography.Paragraph>
        <Typography.Paragraph type="secondary">
          请先下载证据材料，对照原件核实后填写意见。
        </Typography.Paragraph>
        <ProblemAlert error={dialogError} />
        <Form form={form} layout="vertical">
          <Form.Item
            label="核实意见"
            name="note"
            rules={[{ required: true, whitespace: true, message: '请填写核实意见' }]}
          >
            <Input.TextArea rows={3} maxLength={500} showCount />
          </Form.Item>
        </Form>
      </Modal>
    </Card>
  );
}

const signedText = (n: number) => (n > 0 ? `+${n}` : n < 0 ? `−${-n}` : '0');

function BeforeAfterTable({
  before,
  after,
  beforeTitle,
  afterTitle,
  testId,
}: {
  before: RedeterminationSide;
  after: RedeterminationSide;
  beforeTitle: string;
  afterTitle: string;
  testId: string;
}) {
  const ids = [...new Set([...before.items, ...after.items].map((i) => i.id))];
  const rows = ids
    .map((id) => {
      const b = before.items.find((i) => i.id === id);
      const a = after.items.find((i) => i.id === id);
      return { id, label: (a ?? b)!.label, before: b?.points ?? 0, after: a?.points ?? 0 };
    })
    .filter((r) => r.before !== 0 || r.after !== 0);
  return (
    <Table
      size="small"
      rowKey="id"
      pagination={false}
      data-testid={testId}
      dataSource={[...rows, { id: '合计', label: '合计', before: before.total, after: after.total }]}
      columns={[
        { title: '积分项目', dataIndex: 'label' },
        { title: beforeTitle, dataIndex: 'before', align: 'right' },
        { title: afterTitle, dataIndex: 'after', align: 'right' },
        {
          title: '变化',
          align: 'right',
          render: (_, r) => {
            const d = r.after - r.before;
            return (
              <Typography.Text type={d > 0 ? 'success' : d < 0 ? 'danger' : undefined}>
                {signedText(d)}
              </Typography.Text>
            );
          },
        },
      ]}
    />
  );
}

/** In the approver's decision dialog: what a changed decision would determine, item by item (nothing saved). */
export function RedeterminationPreview({ caseId }: { caseId: string }) {
  const [preview, setPreview] = useState<{ before: RedeterminationSide; after: RedeterminationSide }>();
  const [error, setError] = useState<unknown>();
  useEffect(() => {
    let live = true;
    api<{ before: RedeterminationSide; after: RedeterminationSide }>(
      'GET',
      `/api/v1/cases/${encodeURIComponent(caseId)}/redetermination-preview`,
    )
      .then((p) => live && setPreview(p))
      .catch((e: unknown) => live && setError(e));
    return () => {
      live = false;
    };
  }, [caseId]);
  if (error) return <ProblemAlert error={error} />;
  if (!preview) return null;
  return (
    <div style={{ marginBottom: 12 }}>
      <Typography.Paragraph type="secondary" style={{ marginBottom: 4 }}>
        选择「变更核定」时，由规则引擎按登记数据和已核实的补正事实重新计算，结果如下：
      </Typography.Paragraph>
      <BeforeAfterTable
        before={preview.before}
        after={preview.after}
        beforeTitle="现行核定"
        afterTitle="重新计算"
        testId="redetermination-preview"
      />
    </div>
  );
}

/** After a changed reconsideration decision: each item's points before and after, with the change. */
export function DeterminationComparison({ workspace }: { workspace: Workspace }) {
  const all = workspace.determinations;
  const after = all[all.length - 1];
  const before = all[all.length - 2];
  if (!after || !before || !after.reason.startsWith('reconsideration')) return null;
  return (
    <Card title="复核重新核定：变更前后逐项对照" size="small" style={{ marginTop: 16 }}>
      <BeforeAfterTable
        before={before}
        after={after}
        beforeTitle={`原核定（第 ${before.sequence} 次）`}
        afterTitle={`重新核定（第 ${after.sequence} 次）`}
        testId="determination-comparison"
      />
    </Card>
  );
}

/** 复核待处理: the district's pending reconsiderations, by their deadline; overdue ones stand out. */
export function PendingReconsiderations({
  district,
  linkTo,
}: {
  district: string;
  linkTo: (caseId: string) => string;
}) {
  const [rows, setRows] = useState<PendingReconsideration[]>();
  const [error, setError] = useState<unknown>();
  useEffect(() => {
    let live = true;
    api<{ items: PendingReconsideration[] }>(
      'GET',
      `/api/v1/districts/${encodeURIComponent(district)}/reconsiderations`,
    )
      .then((r) => live && setRows(r.items))
      .catch((e: unknown) => live && setError(e));
    return () => {
      live = false;
    };
  }, [district]);
  return (
    <Card title="复核待处理" size="small" style={{ marginBottom: 16 }} data-testid="pending-reconsiderations">
      <ProblemAlert error={error} />
      <Table<PendingReconsideration>
        size="small"
        rowKey="caseId"
        loading={rows === undefined && !error}
        pagination={{ pageSize: 10, hideOnSinglePage: true }}
        dataSource={rows ?? []}
        locale={{ emptyText: '目前没有待处理的复核申请' }}
        rowClassName={(r) => (r.overdueWorkdays > 0 ? 'row-overdue' : '')}
        columns={[
          {
            title: '申请编号',
            render: (_, r) => <Link to={linkTo(r.caseId)}>{r.applicationNo ?? '查看'}</Link>,
          },
          { title: '持证人', dataIndex: 'holderName' },
          { title: '用人单位', dataIndex: 'unitName' },
          { title: '复核期限', render: (_, r) => r.dueDate ?? '—' },
          {
            title: '剩余时间',
            render: (_, r) =>
              r.overdueWorkdays > 0 ? (
                <Tag color="red">已超期 {r.overdueWorkdays} 个工作日</Tag>
              ) : (
                <span>剩余 {r.workdaysLeft} 个工作日</span>
              ),
          },
          {
            title: '待核实事实',
            render: (_, r) => (r.openFacts > 0 ? <Tag color="orange">{r.openFacts} 项待核实</Tag> : '无'),
          },
          { title: '证据材料', render: (_, r) => `${r.evidenceFiles} 份` },
        ]}
      />
      {rows?.some((r) => r.overdueWorkdays > 0) ? (
        <Alert
          type="error"
          showIcon
          style={{ marginTop: 8 }}
          title="有复核申请已超过 20 个工作日的决定期限，请优先办理"
        />
      ) : null}
    </Card>
  );
}
