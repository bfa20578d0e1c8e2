import { randomUUID } from 'node:crypto';
import type { Kysely, Transaction } from 'kysely';
import { toInstant } from './instant.js';
import type { Database } from './schema.js';

type Db = Kysely<Database> | Transaction<Database>;

/**
 * Reminders raised by the deadline sweep. (case, kind, due_on) is unique, so
 * two sweeps running at once on two servers create each reminder once: the
 * loser's insert does nothing and it learns it must not notify.
 */
export async function createReminderOnce(
  db: Db,
  r: { caseId: string; kind: string; dueOn: string; now: string },
): Promise<boolean> {
  const inserted = await db
    .insertInto('reminders')
    .values({ id: randomUUID(), caseId: r.caseId, kind: r.kind, dueOn: r.dueOn, createdAt: toInstant(r.now) })
    .onConflict((oc) => oc.columns(['caseId', 'kind', 'dueOn']).doNothing())
    .returning('id')
    .executeTakeFirst();
  return inserted !== undefined;
}

export async function listReminders(db: Db, caseId: string) {
  return db
    .selectFrom('reminders')
    .selectAll()
    .where('caseId', '=', caseId)
    .orderBy('dueOn')
    .orderBy('kind')
    .execute();
}
