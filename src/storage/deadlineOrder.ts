import type { ExpressionBuilder, SelectQueryBuilder } from 'kysely';
import type { Executor } from './dialectSpecifics.js';
import type { CaseState, Database, District } from './schema.js';

/**
 * Ordering officers' lists by their working-day deadline, the most urgent first (issue 15:
 * "every queue shows the deadline … sortable"). The sort runs in the database so that a page
 * continues the one before it; sorting one page in the browser would hide the most urgent case
 * on page 3. `cases.due_date` is the deadline the list shows (displayedDeadline, kept by the
 * executor), and text order of `YYYY-MM-DD` is date order on both engines.
 *
 * A case without a deadline (returned for 补齐, held by an external check …) sorts after every
 * dated one: SQLite puts NULL first and PostgreSQL last, so both read it as this sentinel.
 */
export const NO_DEADLINE = '9999-12-31';

const deadlineOf = (eb: ExpressionBuilder<Database, 'cases'>) =>
  eb.fn.coalesce('cases.dueDate', eb.val(NO_DEADLINE));

/** Orders any case list by deadline (ties by case id), for offset-paged lists. */
export function orderByDeadline<O>(
  qb: SelectQueryBuilder<Database, 'cases', O>,
): SelectQueryBuilder<Database, 'cases', O> {
  return qb.orderBy(deadlineOf).orderBy('cases.id');
}

/** The keyset cursor of a deadline-ordered queue: the last row's deadline (or NO_DEADLINE) and id. */
export interface DeadlineCursor {
  dueDate: string;
  id: string;
}

/** A row of a deadline-ordered district queue: enough to summarise it and to continue after it. */
export interface DeadlineQueueRow {
  id: string;
  submittedAt: string | null;
  urgencyDate: string | null;
  dueDate: string | null;
  snapshot: unknown;
}

/**
 * One page of a district queue in one state, by deadline then id, after a keyset cursor
 * (cases_district_state ranges; a district's state holds hundreds of cases, not millions).
 */
export async function districtQueueByDeadline(
  db: Executor<Database>,
  q: { district: District; state: CaseState; limit: number; after?: DeadlineCursor },
): Promise<DeadlineQueueRow[]> {
  let query = db
    .selectFrom('cases')
    .select(['id', 'submittedAt', 'urgencyDate', 'dueDate', 'snapshot'])
    .where('district', '=', q.district)
    .where('state', '=', q.state)
    .where('submittedAt', 'is not', null);
  const after = q.after;
  if (after) {
    query = query.where((eb) =>
      eb.or([
        eb(deadlineOf(eb), '>', after.dueDate),
        eb.and([eb(deadlineOf(eb), '=', after.dueDate), eb('cases.id', '>', after.id)]),
      ]),
    );
  }
  return orderByDeadline(query).limit(q.limit).execute();
}
