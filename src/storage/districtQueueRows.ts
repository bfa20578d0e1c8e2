import type { CaseSnapshot } from '../workflow/types.js';
import { districtQueueByDeadline, NO_DEADLINE, type DeadlineCursor } from './deadlineOrder.js';
import { specificsOf, type Executor } from './dialectSpecifics.js';
import type { CaseState, Database, District } from './schema.js';

export interface DistrictQueueRow {
  snapshot: CaseSnapshot;
  submittedAt: string | null;
  /** Where the next page starts after this row: `submittedAt~id`, or `deadline~id` by deadline. */
  cursor: string;
}

/**
 * A district's queue for one state (the read model of the officers' worklist): oldest
 * submission first, keyset-paged after (submitted_at, id); or `urgency` — the cases with
 * an urgency note first by its date, then the oldest others, in two index range reads
 * (cases_urgency_ix); or `deadline` — the most urgent deadline first (deadlineOrder.ts).
 * The order never changes a deadline.
 */
export async function districtQueueRows(
  db: Executor<Database>,
  q: {
    district: District;
    state: CaseState;
    limit: number;
    after?: { submittedAt: string; id: string } | undefined;
    /** The cursor of a deadline-ordered page (`orderBy: 'deadline'`). */
    afterDeadline?: DeadlineCursor | undefined;
    orderBy?: 'oldest' | 'urgency' | 'deadline' | undefined;
  },
): Promise<DistrictQueueRow[]> {
  const s = specificsOf(db);
  if (q.orderBy === 'deadline') {
    // The most urgent first over the whole queue (issue 15), keyset-paged.
    const page = await districtQueueByDeadline(db, {
      district: q.district,
      state: q.state,
      limit: q.limit,
      ...(q.afterDeadline ? { after: q.afterDeadline } : {}),
    });
    return page.map((r) => ({
      snapshot: s.readJson<CaseSnapshot>(r.snapshot),
      submittedAt: r.submittedAt,
      cursor: `${r.dueDate ?? NO_DEADLINE}~${r.id}`,
    }));
  }
  const base = () =>
    db
      .selectFrom('cases')
      .select(['id', 'submittedAt', 'urgencyDate', 'snapshot'])
      .where('district', '=', q.district)
      .where('state', '=', q.state)
      .where('submittedAt', 'is not', null);
  let rows: { id: string; submittedAt: string | null; urgencyDate: string | null; snapshot: unknown }[];
  if (q.orderBy === 'urgency') {
    const urgent = await base()
      .where('urgencyDate', 'is not', null)
      .orderBy('urgencyDate')
      .orderBy('submittedAt')
      .orderBy('id')
      .limit(q.limit)
      .execute();
    const rest =
      urgent.length < q.limit
        ? await base()
            .where('urgencyDate', 'is', null)
            .orderBy('submittedAt')
            .orderBy('id')
            .limit(q.limit - urgent.length)
            .execute()
        : [];
    rows = [...urgent, ...rest];
  } else {
    let query = base();
    if (q.after) {
      const { submittedAt, id } = q.after;
      query = query.where((eb) =>
        eb.or([
          eb('submittedAt', '>', submittedAt),
          eb.and([eb('submittedAt', '=', submittedAt), eb('id', '>', id)]),
        ]),
      );
    }
    rows = await query.orderBy('submittedAt').orderBy('id').limit(q.limit).execute();
  }
  return rows.map((r) => ({
    snapshot: s.readJson<CaseSnapshot>(r.snapshot),
    submittedAt: r.submittedAt,
    cursor: `${r.submittedAt}~${r.id}`,
  }));
}
