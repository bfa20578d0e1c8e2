/**
 * Export of the officers' lists (issue 15): the district queue, a unit's
 * cases, the city's cases and the penalties, with the screen's filters, as
 * .xlsx or CSV, at most EXPORT_ROW_CAP rows a file (the file says so when the
 * list was longer). Masked as on the screen, and audited: who exported which
 * list with which filters, how many rows (by codes, never personal data).
 */
import type { Kysely } from 'kysely';
import type { Readable } from 'node:stream';
import { assertListRoom, type ListRoom } from '../cases/listRoom.js';
import { appendAuditEvent } from '../storage/auditLog.js';
import {
  caseListRows,
  countCaseList,
  countPenalties,
  penaltyRows,
  type CaseListFilter,
  type CaseListRow,
  type PenaltyFilter,
  type PenaltyListRow,
} from '../storage/listExport.js';
import type { Database, PenaltyKind } from '../storage/schema.js';
import { JifenError } from '../shared/errors.js';
import { STATE_LABELS, type Actor } from '../workflow/index.js';
import { writeTable, type ExportFormat, type TableColumn } from './writeTable.js';

export const EXPORT_ROW_CAP = 100_000;

export const PENALTY_KIND_LABELS: Record<PenaltyKind, string> = {
  false_material: '虚假材料记录',
  fine: '罚款',
  credit_record: '信用记录',
  bar: '限制申报',
};
export const PENALTY_STATUS_LABELS = { in_force: '生效', appealed: '复核中', revoked: '已撤销' } as const;
export const PENALTY_SUBJECT_LABELS = { individual: '个人', unit: '单位' } as const;

/** Shanghai's local date and time of an instant (UTC+8), as the screen shows it. */
const local = (instant: string | null): string | null =>
  instant && new Date(Date.parse(instant) + 8 * 3_600_000).toISOString().slice(0, 16).replace('T', ' ');

const CASE_COLUMNS: TableColumn<CaseListRow>[] = [
  { header: '申请编号', width: 16, value: (r) => r.applicationNo },
  { header: '持证人姓名', width: 12, value: (r) => r.holderName },
  { header: '公民身份号码', width: 22, value: (r) => r.holderIdNumberMasked },
  { header: '用人单位', width: 28, value: (r) => r.unitName },
  { header: '受理区', width: 10, value: (r) => r.district },
  { header: '状态', width: 12, value: (r) => STATE_LABELS[r.state] },
  { header: '网上提交时间', width: 18, value: (r) => local(r.submittedAt) },
  { header: '办理期限', width: 12, value: (r) => r.dueDate },
  { header: '创建时间', width: 18, value: (r) => local(r.createdAt) },
];

const PENALTY_COLUMNS: TableColumn<PenaltyListRow>[] = [
  { header: '对象', width: 8, value: (r) => PENALTY_SUBJECT_LABELS[r.subjectKind] },
  { header: '持证人姓名', width: 12, value: (r) => r.holderName },
  { header: '公民身份号码', width: 22, value: (r) => r.holderIdNumberMasked },
  { header: '单位名称', width: 28, value: (r) => r.unitName },
  { header: '申请编号', width: 16, value: (r) => r.applicationNo },
  { header: '处罚种类', width: 14, value: (r) => PENALTY_KIND_LABELS[r.kind] },
  { header: '情节严重', width: 10, value: (r) => (r.serious === true || r.serious === 1 ? '是' : '否') },
  { header: '理由', width: 40, value: (r) => r.reason },
  {
    header: '罚款金额（元）',
    width: 14,
    value: (r) => (r.amountFen === null ? null : Number(r.amountFen) / 100),
  },
  { header: '生效日期', width: 12, value: (r) => r.effectiveFrom },
  { header: '截止日期', width: 12, value: (r) => r.effectiveUntil },
  { header: '状态', width: 10, value: (r) => PENALTY_STATUS_LABELS[r.status] },
  { header: '决定人', width: 14, value: (r) => r.decidedByName },
  { header: '决定时间', width: 18, value: (r) => local(r.decidedAt) },
];

export type ExportedList = 'district_queue' | 'unit_cases' | 'city_cases' | 'penalties';

export interface ExportRequest {
  actor: Actor;
  now: string;
  format: ExportFormat;
  /** Tests lower it; the service keeps EXPORT_ROW_CAP. */
  cap?: number;
}

export interface ExportFile {
  filename: string;
  format: ExportFormat;
  rows: number;
  capped: boolean;
  stream: Readable;
}

const cappedNote = (cap: number, total: number): string | null =>
  total > cap
    ? `本文件只含前 ${cap.toLocaleString('en-US').replaceAll(',', ' ')} 行（符合条件的共 ${total} 行），请缩小筛选范围后分批导出。`
    : null;

async function audit(
  db: Kysely<Database>,
  req: ExportRequest,
  list: ExportedList,
  filters: object,
  rows: number,
  capped: boolean,
) {
  await appendAuditEvent(db, {
    at: req.now,
    actorId: req.actor.id,
    actorRole: req.actor.role,
    command: 'export_list',
    caseId: null,
    payload: { list, format: req.format, filters, rows, capped },
  });
}

const stamp = (now: string) => now.slice(0, 10).replaceAll('-', '');

/** A case list of a room, with the screen's filters. */
export async function exportCaseList(
  db: Kysely<Database>,
  req: ExportRequest & { list: Exclude<ExportedList, 'penalties'>; room: ListRoom; filter: CaseListFilter },
): Promise<ExportFile> {
  assertListRoom(req.actor, req.room);
  const cap = req.cap ?? EXPORT_ROW_CAP;
  const total = await countCaseList(db, req.filter);
  const rows = Math.min(total, cap);
  await audit(db, req, req.list, req.filter, rows, total > cap);
  return {
    filename: `${req.list}-${stamp(req.now)}.${req.format}`,
    format: req.format,
    rows,
    capped: total > cap,
    stream: writeTable({
      format: req.format,
      sheetName: '案件',
      columns: CASE_COLUMNS,
      rows: caseListRows(db, req.filter, cap),
      note: cappedNote(cap, total),
    }),
  };
}

/** The penalties on record (city supervision), with the screen's filters. */
export async function exportPenalties(
  db: Kysely<Database>,
  req: ExportRequest & { filter: PenaltyFilter },
): Promise<ExportFile> {
  if (req.actor.role !== 'city_supervisor')
    throw new JifenError('forbidden', '仅市级监督人员可导出处罚记录', [], {
      role: req.actor.role,
      reason: 'room',
    });
  const cap = req.cap ?? EXPORT_ROW_CAP;
  const total = await countPenalties(db, req.filter);
  const rows = Math.min(total, cap);
  await audit(db, req, 'penalties', req.filter, rows, total > cap);
  return {
    filename: `penalties-${stamp(req.now)}.${req.format}`,
    format: req.format,
    rows,
    capped: total > cap,
    stream: writeTable({
      format: req.format,
      sheetName: '处罚记录',
      columns: PENALTY_COLUMNS,
      rows: penaltyRows(db, req.filter, cap),
      note: cappedNote(cap, total),
    }),
  };
}
