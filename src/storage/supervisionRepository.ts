import { randomUUID } from 'node:crypto';
import type { Kysely, Transaction } from 'kysely';
import { JifenError } from '../shared/errors.js';
import { readBool, specificsOf } from './dialectSpecifics.js';
import { toInstant } from './instant.js';
import { countPenalties, filteredPenalties, type PenaltyFilter } from './listExport.js';
import type { Database, PenaltyKind } from './schema.js';

type Db = Kysely<Database> | Transaction<Database>;

/** City supervision: corrections of points and penalties (细则 第十三条, 第十四条). */

export async function insertCorrection(
  db: Db,
  c: {
    caseId: string;
    determinationId: string;
    newDeterminationId?: string | null;
    reason: string;
    decidedBy: string;
    decidedAt: string;
  },
) {
  return db
    .insertInto('corrections')
    .values({
      id: randomUUID(),
      caseId: c.caseId,
      determinationId: c.determinationId,
      newDeterminationId: c.newDeterminationId ?? null,
      reason: c.reason,
      decidedBy: c.decidedBy,
      decidedAt: toInstant(c.decidedAt),
    })
    .returningAll()
    .executeTakeFirstOrThrow();
}

export async function listCorrections(db: Db, caseId: string) {
  return db.selectFrom('corrections').selectAll().where('caseId', '=', caseId).orderBy('decidedAt').execute();
}

export interface NewPenalty {
  subject: { kind: 'individual'; holderId: string } | { kind: 'unit'; unitId: string };
  caseId?: string | null;
  kind: PenaltyKind;
  serious: boolean;
  reason: string;
  /** 处罚依据 (migration 0210). */
  legalBasis?: string | null;
  /** Unit fines: 30 000–50 000 CNY, in fen. */
  amountFen?: number | null;
  effectiveFrom: string;
  effectiveUntil?: string | null;
  decidedBy: string;
  now: string;
}

export async function insertPenalty(db: Db, p: NewPenalty) {
  const now = toInstant(p.now);
  const row = await db
    .insertInto('penalties')
    .values({
      id: randomUUID(),
      subjectKind: p.subject.kind,
      holderId: p.subject.kind === 'individual' ? p.subject.holderId : null,
      unitId: p.subject.kind === 'unit' ? p.subject.unitId : null,
      caseId: p.caseId ?? null,
      kind: p.kind,
      serious: specificsOf(db).bool(p.serious),
      reason: p.reason,
      legalBasis: p.legalBasis ?? null,
      amountFen: p.amountFen ?? null,
      effectiveFrom: p.effectiveFrom,
      effectiveUntil: p.effectiveUntil ?? null,
      status: 'in_force',
      decidedBy: p.decidedBy,
      decidedAt: now,
      createdAt: now,
      updatedAt: now,
    })
    .returningAll()
    .executeTakeFirstOrThrow();
  return { ...row, serious: readBool(row.serious) };
}

/** Penalties of a holder or a unit that are in force on `onDate` (for the eligibility check). */
export async function listPenaltiesInForce(
  db: Db,
  q: { holderId?: string; unitId?: string; onDate: string },
) {
  if (!q.holderId === !q.unitId) throw new JifenError('validation_failed', '须且只能指定持证人或单位之一');
  let query = db
    .selectFrom('penalties')
    .selectAll()
    .where('status', '!=', 'revoked')
    .where('effectiveFrom', '<=', q.onDate)
    .where((eb) => eb.or([eb('effectiveUntil', 'is', null), eb('effectiveUntil', '>=', q.onDate)]));
  query = q.holderId ? query.where('holderId', '=', q.holderId) : query.where('unitId', '=', q.unitId!);
  const rows = await query.orderBy('effectiveFrom').execute();
  return rows.map((r) => ({ ...r, serious: readBool(r.serious) }));
}

/** The holder's false-material records not revoked and in effect by `onOrBefore` (细则 第十四条 deduction). */
export async function listFalseMaterialRecords(
  db: Db,
  holderId: string,
  onOrBefore: string,
): Promise<{ effectiveFrom: string; serious: boolean }[]> {
  const rows = await db
    .selectFrom('penalties')
    .select(['effectiveFrom', 'serious'])
    .where('holderId', '=', holderId)
    .where('kind', '=', 'false_material')
    .where('status', '!=', 'revoked')
    .where('effectiveFrom', '<=', onOrBefore)
    .execute();
  return rows.map((r) => ({ effectiveFrom: r.effectiveFrom, serious: readBool(r.serious) }));
}

export async function setPenaltyStatus(
  db: Db,
  id: string,
  status: 'in_force' | 'appealed' | 'revoked',
  now: string,
) {
  const result = await db
    .updateTable('penalties')
    .set({ status, updatedAt: toInstant(now) })
    .where('id', '=', id)
    .executeTakeFirst();
  if (result.numUpdatedRows === 0n)
    throw new JifenError('not_found', '处罚记录不存在', [], { penaltyId: id });
}

/**
 * The penalties on record (细则 第十四条), newest decision first, filtered, a page and the
 * total, with the names and the 申请编号 people read (issue 15) beside the ids.
 */
export async function listPenaltyRecords(db: Db, q: PenaltyFilter & { limit: number; offset: number }) {
  const total = await countPenalties(db, q);
  const rows = await filteredPenalties(db, q)
    .leftJoin('units', 'units.id', 'penalties.unitId')
    .leftJoin('users', 'users.id', 'penalties.decidedBy')
    .leftJoin('holders', 'holders.id', 'penalties.holderId')
    .leftJoin('cases', 'cases.id', 'penalties.caseId')
    .select([
      'penalties.id',
      'penalties.subjectKind',
      'penalties.holderId',
      'holders.name as holderName',
      'penalties.unitId',
      'units.name as unitName',
      'penalties.caseId',
      'cases.applicationNo',
      'penalties.kind',
      'penalties.serious',
      'penalties.reason',
      'penalties.legalBasis',
      'penalties.amountFen',
      'penalties.effectiveFrom',
      'penalties.effectiveUntil',
      'penalties.status',
      'penalties.decidedBy',
      'users.displayName as decidedByName',
      'penalties.decidedAt',
    ])
    .orderBy('penalties.decidedAt', 'desc')
    .orderBy('penalties.id')
    .limit(q.limit)
    .offset(q.offset)
    .execute();
  return {
    total,
    rows: rows.map((r) => ({
      ...r,
      serious: readBool(r.serious),
      amountFen: r.amountFen === null ? null : Number(r.amountFen),
    })),
  };
}
