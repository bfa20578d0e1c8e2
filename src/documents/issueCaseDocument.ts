import type { Kysely } from 'kysely';
import { mayRead } from '../cases/queries/queries.js';
import type { CaseDeps } from '../cases/types.js';
import type { ResultItem, ScoreResult } from '../engine/types.js';
import type { ParameterKey } from '../rules/rulesDataSchema.js';
import { JifenError } from '../shared/errors.js';
import { appendAuditEvent } from '../storage/auditLog.js';
import { getCase, listClaimedIndicators } from '../storage/caseRepository.js';
import { getHolder } from '../storage/holderRepository.js';
import { getLatestIssuedPermit, getPermit } from '../storage/permitRepository.js';
import { getUnit } from '../storage/unitRepository.js';
import { getUser } from '../storage/userRepository.js';
import { listDeterminations } from '../storage/determinationRepository.js';
import { listMaterials } from '../storage/materialRepository.js';
import { listOneTimeNotices, listReceipts } from '../storage/noticeRepository.js';
import { listReconsiderations } from '../storage/reconsiderationRepository.js';
import type { CaseRow, Database } from '../storage/schema.js';
import type { Actor } from '../workflow/index.js';
import { renderApplicationForm } from './applicationForm.js';
import { caseRef, compactDate } from './offices.js';
import { renderOneTimeNotice } from './oneTimeNoticeDocument.js';
import { renderPointsNotice } from './pointsNotice.js';
import { renderReceipt } from './receiptDocument.js';
import { reconsiderationDetail } from './reconsiderationDetail.js';
import { renderReconsiderationDecision } from './reconsiderationDecisionDocument.js';
import { shanghaiDay } from '../shared/shanghaiDay.js';

export const CASE_DOCUMENT_KINDS = [
  'application-form',
  'receipt',
  'one-time-notice',
  'points-notice',
  'reconsideration-decision',
] as const;
export type CaseDocumentKind = (typeof CASE_DOCUMENT_KINDS)[number];

export interface CaseDocumentRequest {
  actor: Actor;
  caseId: string;
  kind: CaseDocumentKind;
  /** Which one, when a case has several: receipt number, notice or determination sequence, reconsideration id. Default: the latest. */
  ref?: string;
  now: string;
  /** Public base URL of the verification page (config JIFEN_PUBLIC_URL). */
  publicUrl: string;
}

export interface IssuedDocument {
  filename: string;
  pdf: Buffer;
}

const MATERIAL_STATUS = { required: '待递交', received: '已收取', defective: '需更正' } as const;

/** The workflow's finer reason of a determination, as the notice words it. */
const REASON_LABEL: Record<string, string> = {
  initial: '核定',
  adjustment: '调整后重新核定',
  decrease: '扣减后重新核定',
  correction: '经市级监督纠正后重新核定',
  reconsideration_district: '经区级复核重新核定',
  reconsideration_city: '经市级复核重新核定',
};

const notFound = (what: string, caseId: string, ref?: string) =>
  new JifenError('not_found', `该申请没有${what}`, [], { caseId, ...(ref ? { ref } : {}) });

/**
 * A printed document of one case, for exactly those who may read the case
 * (docs/spec/workflow.md rooms: the holder their own, HR its unit's, officers their
 * district's, the city all; never admin). Each print is an audit event: who
 * printed which document of which case, by ids only.
 */
export async function issueCaseDocument(
  db: Kysely<Database>,
  req: CaseDocumentRequest,
  deps: CaseDeps,
): Promise<IssuedDocument> {
  const row = await getCase(db, req.caseId);
  if (!row || !mayRead(req.actor, row)) {
    // Outside the rooms a case that exists and one that does not look different only by status code.
    if (!row) throw new JifenError('not_found', '申请不存在', [], { caseId: req.caseId });
    throw new JifenError('forbidden', '无权查看此案件', [], { role: req.actor.role, reason: 'room' });
  }
  const { pdf, ref } = await render(db, row, req, deps);
  const printed = row.applicationNo ?? caseRef(row.id);
  await appendAuditEvent(db, {
    at: req.now,
    actorId: req.actor.id,
    actorRole: req.actor.role,
    command: 'print_document',
    caseId: row.id,
    payload: { document: req.kind, ref },
  });
  return { filename: `${req.kind}-${printed}${ref ? `-${ref}` : ''}.pdf`, pdf };
}

/** 申请编号 as printed (every case has one since migration 0180; the id only for a row outside the workflow). */
const applicationNoOf = (row: CaseRow): string => row.applicationNo ?? row.id;

/** The holder (masked) and the unit as the documents print them; both exist for every case (foreign keys). */
async function people(db: Kysely<Database>, row: CaseRow) {
  const h = await getHolder(db, row.holderId);
  const u = await getUnit(db, row.unitId);
  if (!h || !u) throw new Error(`case ${row.id}: holder or unit missing`);
  return {
    holder: {
      name: h.name,
      idNumberMasked: h.idNumberMasked,
      birthDate: h.birthDate,
      phoneMasked: h.phoneMasked,
    },
    unit: { name: u.name, creditCode: u.creditCode, district: u.district },
  };
}

async function officerName(db: Kysely<Database>, userId: string): Promise<string> {
  return (await getUser(db, userId))?.displayName ?? userId;
}

const pick = <T>(list: T[], match: (t: T) => boolean, ref: string | undefined): T | undefined =>
  ref === undefined ? list[list.length - 1] : list.find(match);

/** Declared facts of a claim in a line (the form shows what was filed, not how it scores). */
const describeClaim = (detail: Record<string, unknown>): string =>
  Object.entries(detail)
    .map(([k, v]) => `${k}: ${typeof v === 'object' ? JSON.stringify(v) : String(v)}`)
    .join('；');

async function render(
  db: Kysely<Database>,
  row: CaseRow,
  req: CaseDocumentRequest,
  deps: CaseDeps,
): Promise<{ pdf: Buffer; ref: string | null }> {
  const { holder, unit } = await people(db, row);
  switch (req.kind) {
    case 'application-form': {
      const rules = deps.rules;
      const permit = row.permitId
        ? await getPermit(db, row.permitId)
        : await getLatestIssuedPermit(db, row.holderId);
      const claims = await listClaimedIndicators(db, row.id);
      const materials = await listMaterials(db, row.id);
      const pdf = await renderApplicationForm(
        {
          applicationNo: applicationNoOf(row),
          version: row.version,
          district: row.district,
          submittedOn: row.submittedAt && shanghaiDay(row.submittedAt),
          // The form speaks for the version filed: dated by its submission (or creation), not the print time.
          printedOn: shanghaiDay(row.submittedAt ?? row.createdAt),
          holder,
          permit: permit ?? null,
          unit,
          claims: claims.map((c) => ({
            label: rules.data.parameters[c.indicator as ParameterKey]?.label ?? c.indicator,
            detail: describeClaim(c.detail),
          })),
          materials: materials.map((m) => ({ label: m.label, status: MATERIAL_STATUS[m.status] })),
        },
        deps.fonts,
      );
      return { pdf, ref: `v${row.version}` };
    }
    case 'receipt': {
      const r = pick(await listReceipts(db, row.id), (x) => x.receiptNo === req.ref, req.ref);
      if (!r) throw notFound('收件凭证', row.id, req.ref);
      const pdf = await renderReceipt(
        {
          receiptNo: r.receiptNo,
          applicationNo: applicationNoOf(row),
          district: row.district,
          receivedOn: shanghaiDay(r.issuedAt),
          holderName: holder.name,
          unitName: unit.name,
          clerk: await officerName(db, r.issuedBy),
          items: r.items,
        },
        deps.fonts,
      );
      return { pdf, ref: r.receiptNo };
    }
    case 'one-time-notice': {
      const n = pick(await listOneTimeNotices(db, row.id), (x) => String(x.sequence) === req.ref, req.ref);
      if (!n) throw notFound('一次性告知单', row.id, req.ref);
      const issuedOn = shanghaiDay(n.issuedAt);
      // 细则 第五条 sets no time limit for 补齐 (decision, issue 14): the notice prints no deadline.
      const pdf = await renderOneTimeNotice(
        {
          noticeNo: `GZ${compactDate(issuedOn)}-${applicationNoOf(row)}-${n.sequence}`,
          sequence: n.sequence,
          applicationNo: applicationNoOf(row),
          district: row.district,
          issuedOn,
          holderName: holder.name,
          unitName: unit.name,
          clerk: await officerName(db, n.issuedBy),
          items: n.items,
          overrideReason: n.overrideReason,
        },
        deps.fonts,
      );
      return { pdf, ref: String(n.sequence) };
    }
    case 'points-notice': {
      const all = await listDeterminations(db, row.id);
      const d = pick(all, (x) => String(x.sequence) === req.ref, req.ref);
      if (!d) throw notFound('积分核定结果', row.id, req.ref);
      const result = d.explanation as ScoreResult;
      const frozen = d.result as { determinationReason?: string; provisional?: boolean };
      const p = row.permitId ? await getPermit(db, row.permitId) : undefined;
      const permit = p && { validUntil: p.validUntil, endorsedUntil: p.endorsedUntil };
      const pdf = await renderPointsNotice(
        {
          verificationCode: d.verificationCode,
          verifyUrl: `${req.publicUrl.replace(/\/+$/, '')}/verify/${d.verificationCode}`,
          applicationNo: applicationNoOf(row),
          district: row.district,
          sequence: d.sequence,
          reasonLabel: REASON_LABEL[frozen.determinationReason ?? d.reason] ?? '核定',
          holderName: holder.name,
          holderIdNumberMasked: holder.idNumberMasked,
          decidedOn: shanghaiDay(d.decidedAt),
          rulesAsOf: d.acceptanceDate,
          rulesVersion: d.rulesVersion,
          total: d.total,
          standard: result.standard ?? 120,
          items: (result.items ?? [])
            .filter((i: ResultItem) => i.points !== 0)
            .map((i: ResultItem) => ({ label: i.label ?? i.id, group: i.group, points: i.points })),
          permit: permit ?? null,
          provisional: frozen.provisional === true,
        },
        deps.fonts,
      );
      return { pdf, ref: String(d.sequence) };
    }
    case 'reconsideration-decision': {
      const decided = (await listReconsiderations(db, row.id)).filter((r) => r.status === 'decided');
      const r = pick(decided, (x) => x.id === req.ref, req.ref);
      if (!r) throw notFound('复核决定', row.id, req.ref);
      const doc = r.decisionDocument as { reasons?: string; decidedOn?: string; outcome?: string };
      const determinations = await listDeterminations(db, row.id);
      const about = determinations.find((x) => x.id === r.determinationId);
      const changed = determinations.find((x) => x.id === r.newDeterminationId);
      const decidedOn = doc.decidedOn ?? shanghaiDay(r.decidedAt ?? r.updatedAt);
      const pdf = await renderReconsiderationDecision(
        {
          decisionNo: `FH${compactDate(decidedOn)}-${applicationNoOf(row)}-${r.level === 'city' ? 'S' : 'Q'}`,
          level: r.level,
          applicationNo: applicationNoOf(row),
          district: row.district,
          holderName: holder.name,
          holderIdNumberMasked: holder.idNumberMasked,
          unitName: unit.name,
          requestedOn: shanghaiDay(r.requestedAt),
          grounds: r.grounds,
          about: { sequence: about?.sequence ?? 0, total: about?.total ?? 0 },
          outcome: r.outcome ?? 'upheld',
          reasons: doc.reasons ?? '',
          decidedOn,
          newDetermination: changed
            ? { sequence: changed.sequence, total: changed.total, verificationCode: changed.verificationCode }
            : null,
          ...(await reconsiderationDetail(db, r, about?.explanation, changed?.explanation)),
        },
        deps.fonts,
      );
      return { pdf, ref: r.id };
    }
  }
}
