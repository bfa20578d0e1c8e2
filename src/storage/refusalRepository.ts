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
