import { randomUUID } from 'node:crypto';
import type { Kysely, Transaction, Updateable } from 'kysely';
import { JifenError } from '../shared/errors.js';
import { toInstant } from './instant.js';
import type { Database, ReviewTasksTable } from './schema.js';

type Db = Kysely<Database> | Transaction<Database>;

/** Review tasks, one per claimed indicator; a task may be referred to a competent authority (clock paused). */

export async function createReviewTasks(
  db: Db,
  caseId: string,
  indicators: string[],
  now: string,
): Promise<void> {
  if (indicators.length === 0) return;
  const at = toInstant(now);
  await db
    .insertInto('reviewTasks')
    .values(
      indicators.map((indicator) => ({
        id: randomUUID(),
        caseId,
        indicator,
        status: 'open' as const,
        assignedTo: null,
        referredTo: null,
        referredAt: null,
        returnedAt: null,
        outcomeNote: null,
        createdAt: at,
        updatedAt: at,
      })),
    )
    .onConflict((oc) => oc.columns(['caseId', 'indicator']).doNothing())
    .execute();
}

export type ReviewTaskPatch = Pick<
  Updateable<ReviewTasksTable>,
  'status' | 'assignedTo' | 'referredTo' | 'referredAt' | 'returnedAt' | 'outcomeNote'
>;

export async function updateReviewTask(
  db: Db,
  caseId: string,
  indicator: string,
  patch: ReviewTaskPatch,
  now: string,
) {
  const row = await db
    .updateTable('reviewTasks')
    .set({ ...patch, updatedAt: toInstant(now) })
    .where('caseId', '=', caseId)
    .where('indicator', '=', indicator)
    .returningAll()
    .executeTakeFirst();
  if (!row) throw new JifenError('not_found', '审核任务不存在', [], { caseId, indicator });
  return row;
}

export async function listReviewTasks(db: Db, caseId: string) {
  return db.selectFrom('reviewTasks').selectAll().where('caseId', '=', caseId).orderBy('indicator').execute();
}

/** An adjustment cycle reviews the same indicators again: their tasks reopen. */
export async function reopenReviewTasks(
  db: Db,
  caseId: string,
  indicators: string[],
  now: string,
): Promise<void> {
  await db
    .updateTable('reviewTasks')
    .set({
      status: 'open',
      referredTo: null,
      referredAt: null,
      returnedAt: null,
      outcomeNote: null,
      updatedAt: toInstant(now),
    })
    .where('caseId', '=', caseId)
    .where('indicator', 'in', indicators)
    .execute();
}

/** Sets a task's fields by the command's effect; no row is not an error here (the machine declared the task). */
export async function patchReviewTask(
  db: Db,
  caseId: string,
  indicator: string,
  patch: ReviewTaskPatch,
  now: string,
): Promise<void> {
  await db
    .updateTable('reviewTasks')
    .set({ ...patch, updatedAt: toInstant(now) })
    .where('caseId', '=', caseId)
    .where('indicator', '=', indicator)
    .execute();
}

/** Sets the outcome of the named indicators' tasks (a correction or a reconsideration finding). */
export async function setReviewTaskOutcomes(
  db: Db,
  caseId: string,
  indicators: readonly string[],
  outcome: { status: 'passed' | 'failed'; outcomeNote: string },
  now: string,
): Promise<void> {
  await db
    .updateTable('reviewTasks')
    .set({ ...outcome, updatedAt: toInstant(now) })
    .where('caseId', '=', caseId)
    .where('indicator', 'in', indicators)
    .execute();
}

/** The indicator's task passed by a reviewer (created when the claim is new to the case). */
export async function passReviewTask(
  db: Db,
  t: { caseId: string; indicator: string; reviewedBy: string | null; outcomeNote: string; now: string },
): Promise<void> {
  const at = toInstant(t.now);
  await db
    .insertInto('reviewTasks')
    .values({
      id: randomUUID(),
      caseId: t.caseId,
      indicator: t.indicator,
      status: 'passed',
      assignedTo: t.reviewedBy,
      referredTo: null,
      referredAt: null,
      returnedAt: null,
      outcomeNote: t.outcomeNote,
      createdAt: at,
      updatedAt: at,
    })
    .onConflict((oc) =>
      oc
        .columns(['caseId', 'indicator'])
        .doUpdateSet({ status: 'passed', outcomeNote: t.outcomeNote, updatedAt: at }),
    )
    .execute();
}
