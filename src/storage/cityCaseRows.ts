import type { CaseSnapshot } from '../workflow/types.js';
import { orderByDeadline } from './deadlineOrder.js';
import { specificsOf, type Executor } from './dialectSpecifics.js';
import type { CaseState, Database, District } from './schema.js';

export interface CityCaseFilter {
  district?: District | undefined;
  /** Opened at or after / before these instants. */
  lo?: string | undefined;
  hi?: string | undefined;
  state?: CaseState | undefined;
  /** A whole 申请编号, or the beginning of one (wildcards already removed). */
  applicationNo?: { whole: string } | { prefix: string } | undefined;
  /** Determined cases with a reconsideration pending. */
  reconsiderationPending?: boolean | undefined;
  /** Cases past this deadline kind before `today`. */
  overdue?: 'determination' | 'reconsideration' | undefined;
  today: string;
  limit: number;
  offset: number;
  /** `deadline`: the most urgent first (issue 15); newest first otherwise. */
  orderBy?: 'newest' | 'deadline' | undefined;
}

/**
 * The city's case list (the supervisor's read model): cases in the workflow (rows without a
 * snapshot are never listed), filtered, newest first (or by deadline), a page and the total.
 */
export async function cityCaseRows(db: Executor<Database>, q: CityCaseFilter) {
  let base = db.selectFrom('cases').where('snapshot', 'is not', null);
  if (q.district) base = base.where('district', '=', q.district);
  if (q.lo) base = base.where('createdAt', '>=', q.lo);
  if (q.hi) base = base.where('createdAt', '<', q.hi);
  if (q.state) base = base.where('state', '=', q.state);
  if (q.applicationNo)
    base =
      'whole' in q.applicationNo
        ? base.where('applicationNo', '=', q.applicationNo.whole)
        : base.where('applicationNo', 'like', `${q.applicationNo.prefix}%`);
  if (q.reconsiderationPending)
    base = base.where('state', '=', 'determined').where('dueKind', '=', 'reconsideration');
  if (q.overdue === 'determination')
    base = base
      .where('state', '=', 'verified')
      .where('dueKind', '=', 'determination')
      .where('dueDate', '<', q.today);
  if (q.overdue === 'reconsideration')
    base = base
      .where('state', '=', 'determined')
      .where('dueKind', '=', 'reconsideration')
      .where('dueDate', '<', q.today);
  const total = await base.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
  const selected = base.select(['id', 'snapshot', 'submittedAt', 'createdAt']);
  const rows = await (
    q.orderBy === 'deadline' ? orderByDeadline(selected) : selected.orderBy('createdAt', 'desc').orderBy('id')
  )
    .limit(q.limit)
    .offset(q.offset)
    .execute();
  const s = specificsOf(db);
  return {
    total: Number(total.n),
    rows: rows.map((r) => ({
      snapshot: s.readJson<CaseSnapshot>(r.snapshot),
      submittedAt: r.submittedAt,
      createdAt: r.createdAt,
    })),
  };
}
