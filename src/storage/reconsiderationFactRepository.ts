import type { Kysely, Transaction } from 'kysely';
import { JifenError } from '../shared/errors.js';
import { specificsOf } from './dialectSpecifics.js';
import { toInstant } from './instant.js';
import type { Database } from './schema.js';

type Db = Kysely<Database> | Transaction<Database>;

/** Facts added or corrected in a reconsideration request (migration 0190), and their review. */

export interface ReconsiderationFact {
  id: string;
  caseId: string;
  reconsiderationId: string;
  indicator: string;
  detail: Record<string, unknown>;
  statement: string;
  status: 'open' | 'accepted' | 'rejected';
  reviewedBy: string | null;
  reviewedAt: string | null;
  reviewNote: string | null;
}

/** Ids derived from the request (reconsideration id + position): a replayed effect writes the same rows. */
export const factId = (reconsiderationId: string, i: number): string => `${reconsiderationId}-f${i + 1}`;

export async function insertReconsiderationFacts(
  db: Db,
  r: {
    caseId: string;
    reconsiderationId: string;
    facts: { indicator: string; detail: Record<string, unknown>; statement: string }[];
    now: string;
  },
): Promise<void> {
  if (r.facts.length === 0) return;
  const at = toInstant(r.now);
  const s = specificsOf(db);
  await db
    .insertInto('reconsiderationFacts')
    .values(
      r.facts.map((f, i) => ({
        id: factId(r.reconsiderationId, i),
        caseId: r.caseId,
        reconsiderationId: r.reconsiderationId,
        indicator: f.indicator,
        detail: s.json(f.detail),
        statement: f.statement,
        reviewedBy: null,
        reviewedAt: null,
        reviewNote: null,
        createdAt: at,
        updatedAt: at,
      })),
    )
    .execute();
}

export async function listReconsiderationFacts(
  db: Db,
  caseId: string,
  reconsiderationId?: string,
): Promise<ReconsiderationFact[]> {
  let q = db.selectFrom('reconsiderationFacts').selectAll().where('caseId', '=', caseId);
  if (reconsiderationId) q = q.where('reconsiderationId', '=', reconsiderationId);
  const rows = await q.orderBy('createdAt').orderBy('id').execute();
  const s = specificsOf(db);
  return rows.map((r) => ({
    id: r.id,
    caseId: r.caseId,
    reconsiderationId: r.reconsiderationId,
    indicator: r.indicator,
    detail: s.readJson<Record<string, unknown>>(r.detail),
    statement: r.statement,
    status: r.status,
    reviewedBy: r.reviewedBy,
    reviewedAt: r.reviewedAt,
    reviewNote: r.reviewNote,
  }));
}

/** Records the reviewer's finding; a fact is reviewed once. */
export async function recordFactReview(
  db: Db,
  f: { factId: string; result: 'accepted' | 'rejected'; note: string; by: string; now: string },
): Promise<void> {
  const at = toInstant(f.now);
  const row = await db
    .updateTable('reconsiderationFacts')
    .set({ status: f.result, reviewNote: f.note, reviewedBy: f.by, reviewedAt: at, updatedAt: at })
    .where('id', '=', f.factId)
    .where('status', '=', 'open')
    .returning('id')
    .executeTakeFirst();
  if (!row) throw new JifenError('conflict', '该事实已核实或不存在', [], { factId: f.factId });
}

/** A fact of the case with its own status and its request's status, or undefined. */
export async function getFactWithRequestStatus(
  db: Db,
  caseId: string,
  factId: string,
): Promise<{ status: ReconsiderationFact['status']; requestStatus: string } | undefined> {
  return db
    .selectFrom('reconsiderationFacts')
    .innerJoin('reconsiderations', 'reconsiderations.id', 'reconsiderationFacts.reconsiderationId')
    .select(['reconsiderationFacts.status as status', 'reconsiderations.status as requestStatus'])
    .where('reconsiderationFacts.id', '=', factId)
    .where('reconsiderationFacts.caseId', '=', caseId)
    .executeTakeFirst();
}
