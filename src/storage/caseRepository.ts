import { randomUUID } from 'node:crypto';
import { sql, type Kysely, type SelectQueryBuilder, type Transaction } from 'kysely';
import { JifenError } from '../shared/errors.js';
import { orderByDeadline } from './deadlineOrder.js';
import { specificsOf } from './dialectSpecifics.js';
import { toInstant } from './instant.js';
import type { CasePatch, CaseRow, CaseState, Database, District, Role } from './schema.js';
import type { CaseSnapshot } from '../workflow/types.js';

type Db = Kysely<Database> | Transaction<Database>;

/** Cases (积分申请) and their claimed indicators. */

export interface NewCaseInput {
  id?: string;
  holderId: string;
  unitId: string;
  /** The district where the unit is registered: where the case is filed. */
  district: District;
  state?: CaseState;
  /** Who holds the case now (a draft: the employer's HR). */
  holderRole?: Role;
  createdBy: string;
  now: string;
  /**
   * Columns known when the row is written (the executor's projection of the first snapshot,
   * the permit, the 申请编号): written by the same statement, so creating a case is one
   * round trip (issue 16).
   */
  columns?: CasePatch;
}

export async function insertCase(db: Db, input: NewCaseInput): Promise<CaseRow> {
  const now = toInstant(input.now);
  return db
    .insertInto('cases')
    .values({
      id: input.id ?? randomUUID(),
      holderId: input.holderId,
      unitId: input.unitId,
      district: input.district,
      state: input.state ?? 'draft',
      version: 1,
      holderRole: input.holderRole ?? 'employer_hr',
      heldBy: null,
      acceptanceDate: null,
      dueDate: null,
      dueKind: null,
      pausedSince: null,
      submittedAt: null,
      acceptedAt: null,
      verifiedAt: null,
      determinedAt: null,
      closedAt: null,
      urgencyReason: null,
      urgencyDate: null,
      urgencyNote: null,
      createdBy: input.createdBy,
      createdAt: now,
      updatedAt: now,
      ...input.columns,
    })
    .returningAll()
    .executeTakeFirstOrThrow();
}

export async function getCase(db: Db, id: string): Promise<CaseRow | undefined> {
  return db.selectFrom('cases').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function getCaseOrThrow(db: Db, id: string): Promise<CaseRow> {
  const row = await getCase(db, id);
  if (!row) throw new JifenError('not_found', '申请不存在', [], { caseId: id });
  return row;
}

/**
 * Applies `patch` only if the case is still at `expectedVersion`, and bumps the
 * version: the compare-and-set that makes two officers acting at once end
 * with one winner and one clear conflict (no lost update). A single UPDATE …
 * WHERE version = ?: on PostgreSQL the loser waits for the winner's row lock,
 * re-reads the row and matches nothing.
 */
export async function updateCaseIfVersion(
  db: Db,
  id: string,
  expectedVersion: number,
  patch: CasePatch & { updatedAt: string },
): Promise<CaseRow> {
  const { updatedAt, ...rest } = patch;
  const updated = await db
    .updateTable('cases')
    .set({ ...rest, updatedAt: toInstant(updatedAt), version: sql<number>`version + 1` })
    .where('id', '=', id)
    .where('version', '=', expectedVersion)
    .returningAll()
    .executeTakeFirst();
  if (updated) return updated;
  const current = await db.selectFrom('cases').select('version').where('id', '=', id).executeTakeFirst();
  if (!current) throw new JifenError('not_found', '申请不存在', [], { caseId: id });
  throw new JifenError('conflict', '该申请已被他人更新，请刷新后重试', [], {
    caseId: id,
    expectedVersion,
    currentVersion: current.version,
  });
}

export interface QueueCursor {
  submittedAt: string;
  id: string;
}

/** Keyset page after the cursor, by (submitted_at, id): oldest submission first. */
function pageBySubmission(
  query: SelectQueryBuilder<Database, 'cases', CaseRow>,
  q: { limit: number; after?: QueueCursor },
): SelectQueryBuilder<Database, 'cases', CaseRow> {
  if (q.after) {
    const { submittedAt, id } = q.after;
    query = query.where((eb) =>
      eb.or([
        eb('submittedAt', '>', submittedAt),
        eb.and([eb('submittedAt', '=', submittedAt), eb('id', '>', id)]),
      ]),
    );
  }
  return query.orderBy('submittedAt').orderBy('id').limit(q.limit);
}

/**
 * A district's queue for one state, oldest submission first (the complaint this
 * product fixes is cases waiting unseen). Keyset paging on the
 * (district, state, submitted_at) index.
 */
export async function listDistrictQueue(
  db: Db,
  q: { district: District; state: CaseState; limit: number; after?: QueueCursor },
): Promise<CaseRow[]> {
  const query = db
    .selectFrom('cases')
    .selectAll()
    .where('district', '=', q.district)
    .where('state', '=', q.state)
    .where('submittedAt', 'is not', null);
  return pageBySubmission(query, q).execute();
}

/** Dashboard: number of cases per (district, state), optionally for one district. */
export async function countCasesByState(
  db: Db,
  q: { district?: District } = {},
): Promise<{ district: District; state: CaseState; count: number }[]> {
  let query = db
    .selectFrom('cases')
    .select(['district', 'state', (eb) => eb.fn.countAll<number>().as('count')])
    .groupBy(['district', 'state']);
  if (q.district) query = query.where('district', '=', q.district);
  const rows = await query.orderBy('district').orderBy('state').execute();
  return rows.map((r) => ({ ...r, count: Number(r.count) }));
}

/** Sweep input: cases in the given states with a due date on or before `onOrBefore`, by due date. */
export async function listCasesDueOnOrBefore(
  db: Db,
  q: { states: CaseState[]; onOrBefore: string; limit: number; afterId?: string },
): Promise<CaseRow[]> {
  let query = db
    .selectFrom('cases')
    .selectAll()
    .where('state', 'in', q.states)
    .where('dueDate', '<=', q.onOrBefore);
  if (q.afterId) query = query.where('id', '>', q.afterId);
  return query.orderBy('id').limit(q.limit).execute();
}

/** Sweep input: cases in one state submitted before `before` (e.g. waiting for acceptance too long), oldest first. */
export async function listCasesSubmittedBefore(
  db: Db,
  q: { state: CaseState; before: string; limit: number; after?: QueueCursor },
): Promise<CaseRow[]> {
  const query = db
    .selectFrom('cases')
    .selectAll()
    .where('state', '=', q.state)
    .where('submittedAt', '<', toInstant(q.before));
  return pageBySubmission(query, q).execute();
}

/** Sweep input: cases whose permit was cancelled on or before `onOrBefore` and that still have a sweep date, by id. */
export async function listCasesWithCancelledPermit(
  db: Db,
  q: { onOrBefore: string; afterId: string; limit: number },
): Promise<{ id: string; cancelledOn: string | null }[]> {
  return db
    .selectFrom('cases')
    .innerJoin('permits', 'permits.id', 'cases.permitId')
    .select(['cases.id', 'permits.cancelledOn'])
    .where('permits.status', '=', 'cancelled')
    .where('permits.cancelledOn', '<=', q.onOrBefore)
    .where('cases.nextSweepOn', 'is not', null)
    .where('cases.id', '>', q.afterId)
    .orderBy('cases.id')
    .limit(q.limit)
    .execute();
}

/** Sweep input: cases whose stored sweep date has come, keyset-paged on (next_sweep_on, id). */
export async function listCasesDueForSweep(
  db: Db,
  q: { onOrBefore: string; after?: { on: string; id: string }; limit: number },
): Promise<{ id: string; nextSweepOn: string; snapshot: CaseSnapshot }[]> {
  let query = db
    .selectFrom('cases')
    .select(['id', 'nextSweepOn', 'snapshot'])
    .where('nextSweepOn', '<=', q.onOrBefore);
  if (q.after) {
    const c = q.after;
    query = query.where((eb) =>
      eb.or([eb('nextSweepOn', '>', c.on), eb.and([eb('nextSweepOn', '=', c.on), eb('id', '>', c.id)])]),
    );
  }
  const rows = await query.orderBy('nextSweepOn').orderBy('id').limit(q.limit).execute();
  const s = specificsOf(db);
  return rows.map((r) => ({
    id: r.id,
    nextSweepOn: r.nextSweepOn!,
    snapshot: s.readJson<CaseSnapshot>(r.snapshot),
  }));
}

/** The first `limit` determined cases, by id: the examples an administrator's preview recomputes. */
export async function listDeterminedCases(
  db: Db,
  limit: number,
): Promise<Pick<CaseRow, 'id' | 'holderId' | 'unitId' | 'permitId'>[]> {
  return db
    .selectFrom('cases')
    .select(['id', 'holderId', 'unitId', 'permitId'])
    .where('state', '=', 'determined')
    .orderBy('id')
    .limit(limit)
    .execute();
}

export interface ClaimedIndicator {
  indicator: string;
  detail: Record<string, unknown>;
}

/** Replaces the claimed indicators of a (draft) case. */
export async function setClaimedIndicators(
  db: Db,
  caseId: string,
  indicators: ClaimedIndicator[],
  now: string,
  /** A case created in this transaction has no claims to replace (one statement fewer). */
  options: { fresh?: boolean } = {},
): Promise<void> {
  const s = specificsOf(db);
  const at = toInstant(now);
  if (!options.fresh) await db.deleteFrom('claimedIndicators').where('caseId', '=', caseId).execute();
  if (indicators.length === 0) return;
  await db
    .insertInto('claimedIndicators')
    .values(
      indicators.map((i) => ({ caseId, indicator: i.indicator, detail: s.json(i.detail), claimedAt: at })),
    )
    .execute();
}

/** Replaces one claimed indicator of a case (a reconsideration's accepted fact), leaving the others. */
export async function replaceClaimedIndicator(
  db: Db,
  caseId: string,
  claim: ClaimedIndicator,
  now: string,
): Promise<void> {
  await db
    .deleteFrom('claimedIndicators')
    .where('caseId', '=', caseId)
    .where('indicator', '=', claim.indicator)
    .execute();
  await db
    .insertInto('claimedIndicators')
    .values({
      caseId,
      indicator: claim.indicator,
      detail: specificsOf(db).json(claim.detail),
      claimedAt: toInstant(now),
    })
    .execute();
}

export async function listClaimedIndicators(db: Db, caseId: string): Promise<ClaimedIndicator[]> {
  const s = specificsOf(db);
  const rows = await db
    .selectFrom('claimedIndicators')
    .select(['indicator', 'detail'])
    .where('caseId', '=', caseId)
    .orderBy('indicator')
    .execute();
  return rows.map((r) => ({ indicator: r.indicator, detail: s.readJson<Record<string, unknown>>(r.detail) }));
}

/** The urgency note (紧急说明) a clerk attached to the case. */
export async function setUrgencyNote(db: Db, caseId: string, text: string | null): Promise<void> {
  await db.updateTable('cases').set({ urgencyNote: text }).where('id', '=', caseId).execute();
}

/** What the room predicates read of a case, and the number people read. */
const CASE_ROOM = ['id', 'holderId', 'unitId', 'district', 'applicationNo'] as const;
export type CaseRoom = Pick<CaseRow, (typeof CASE_ROOM)[number]>;

/** A case's room fields (`CASE_ROOM`), optionally locked for the transaction. */
export async function getCaseRoom(
  db: Db,
  caseId: string,
  opts: { forUpdate?: boolean } = {},
): Promise<CaseRoom | undefined> {
  const q = db.selectFrom('cases').select(CASE_ROOM).where('id', '=', caseId);
  return (opts.forUpdate ? specificsOf(db).forUpdate(q) : q).executeTakeFirst();
}

/** The same as `getCaseRoom`, by the 申请编号 people read. */
export async function getCaseRoomByApplicationNo(
  db: Db,
  applicationNo: string,
): Promise<CaseRoom | undefined> {
  return db
    .selectFrom('cases')
    .select(CASE_ROOM)
    .where('applicationNo', '=', applicationNo)
    .executeTakeFirst();
}

/** A holder's cases, oldest first. */
export async function listHolderCases(db: Db, holderId: string): Promise<CaseRow[]> {
  return db.selectFrom('cases').selectAll().where('holderId', '=', holderId).orderBy('createdAt').execute();
}

/** A unit's latest cases (their snapshots), newest first. */
export async function listUnitCaseSnapshots(
  db: Db,
  unitId: string,
  limit: number,
  /** `deadline`: the most urgent first (issue 15), so the list's first page holds them. */
  orderBy: 'newest' | 'deadline' = 'newest',
): Promise<CaseSnapshot[]> {
  const mine = db.selectFrom('cases').select(['snapshot']).where('unitId', '=', unitId);
  const rows = await (orderBy === 'deadline' ? orderByDeadline(mine) : mine.orderBy('createdAt', 'desc'))
    .limit(limit)
    .execute();
  const s = specificsOf(db);
  return rows.map((r) => s.readJson<CaseSnapshot>(r.snapshot));
}

/** The case's state and district with its holder's name and masked ID number; throws when missing. */
export async function getCaseWithMaskedHolder(db: Db, caseId: string) {
  return db
    .selectFrom('cases')
    .innerJoin('holders', 'holders.id', 'cases.holderId')
    .select(['cases.state', 'cases.district', 'holders.name', 'holders.idNumberMasked'])
    .where('cases.id', '=', caseId)
    .executeTakeFirstOrThrow();
}

/**
 * The case's room fields with its holder's name and full ID number: personal data, for the
 * audited reveal at the counter only (the caller checks the room and writes the audit event).
 */
export async function getCaseWithHolderIdentity(db: Db, caseId: string) {
  return db
    .selectFrom('cases')
    .innerJoin('holders', 'holders.id', 'cases.holderId')
    .select([
      'cases.id',
      'cases.holderId',
      'cases.unitId',
      'cases.district',
      'cases.applicationNo',
      'holders.name',
      'holders.idNumber',
    ])
    .where('cases.id', '=', caseId)
    .executeTakeFirst();
}

/** The holder's case in one of `states`, if any (a holder has at most one open case: cases_one_open_per_holder_ux). */
export async function findHolderCaseIn(
  db: Db,
  holderId: string,
  states: readonly CaseState[],
): Promise<{ id: string } | undefined> {
  return db
    .selectFrom('cases')
    .select('id')
    .where('holderId', '=', holderId)
    .where('state', 'in', [...states])
    .executeTakeFirst();
}
