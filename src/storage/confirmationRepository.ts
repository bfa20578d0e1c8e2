import type { Kysely, Transaction } from 'kysely';
import { toInstant } from './instant.js';
import type { Database } from './schema.js';

type Db = Kysely<Database> | Transaction<Database>;

/** 签注时确认: a determination confirmed for an endorsement, once per validity end (a retry is a no-op). */
export async function insertConfirmation(
  db: Db,
  c: { caseId: string; determinationSeq: number; validUntil: string; confirmedOn: string; now: string },
): Promise<void> {
  await db
    .insertInto('confirmations')
    .values({
      caseId: c.caseId,
      determinationSeq: c.determinationSeq,
      validUntil: c.validUntil,
      confirmedOn: c.confirmedOn,
      createdAt: toInstant(c.now),
    })
    .onConflict((oc) => oc.columns(['caseId', 'validUntil']).doNothing())
    .execute();
}
