import { randomUUID } from 'node:crypto';
import type { Kysely, Transaction } from 'kysely';
import { specificsOf } from './dialectSpecifics.js';
import { toInstant } from './instant.js';
import type { Database } from './schema.js';

type Db = Kysely<Database> | Transaction<Database>;

/** 不予受理/不予认定: the refusal and its reasons, as the 决定书 states them. */
export async function insertRefusal(
  db: Db,
  r: { caseId: string; reasons: unknown; decidedBy: string; now: string },
): Promise<void> {
  await db
    .insertInto('refusals')
    .values({
      id: randomUUID(),
      caseId: r.caseId,
      reasons: specificsOf(db).json(r.reasons),
      decidedBy: r.decidedBy,
      decidedAt: toInstant(r.now),
    })
    .execute();
}

/** The case's refusals with their reasons as stored (the caller names the reasons' type). */
export async function listRefusals<R = unknown>(db: Db, caseId: string) {
  const rows = await db.selectFrom('refusals').selectAll().where('caseId', '=', caseId).execute();
  const s = specificsOf(db);
  return rows.map((r) => ({ ...r, reasons: s.readJson<R>(r.reasons) }));
}
