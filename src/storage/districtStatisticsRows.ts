import { specificsOf, type Executor } from './dialectSpecifics.js';
import type { CaseState, Database, District } from './schema.js';

/** A histogram of whole working days: how many cases took `value` days. */
export type WorkdayHistogram = { value: number; n: number }[];

export interface DistrictStatisticsRows {
  byState: { state: CaseState; n: number }[];
  filed: number;
  urgent: number;
  determined: number;
  onTime: number;
  acceptance: WorkdayHistogram;
  determination: WorkdayHistogram;
  staleAtCounter: number;
  determinationOverdue: number;
  reconsiderationOverdue: number;
  /** The items of each one-time notice of the district's cases. */
  noticeItems: { code: string }[][];
}

/**
 * The figures of a district's dashboard (docs/spec/workflow.md), for the cases opened in
 * [lo, hi) when given: counts by state, one pass over the covering index (cases_stats_ix)
 * for the totals, the two histograms for the medians, the stale and overdue counts from
 * the case columns (index range reads), and the one-time notices' items.
 */
export async function districtStatisticsRows(
  db: Executor<Database>,
  q: {
    district: District;
    lo?: string | undefined;
    hi?: string | undefined;
    /** Shanghai date: cases submitted before it are stale at the counter. */
    staleSince: string;
    today: string;
  },
): Promise<DistrictStatisticsRows> {
  const { lo, hi } = q;
  const cases = () =>
    db
      .selectFrom('cases')
      .where('district', '=', q.district)
      .$if(lo !== undefined, (b) => b.where('createdAt', '>=', lo!))
      .$if(hi !== undefined, (b) => b.where('createdAt', '<', hi!));
  const byState = await cases()
    .select(['state', (eb) => eb.fn.countAll<number>().as('n')])
    .groupBy('state')
    .execute();
  const totals = await cases()
    .select((eb) => [
      eb.fn.count<number>('filedOn').as('filed'),
      eb.fn.count<number>('urgencyReason').as('urgent'),
      eb.fn.count<number>('determinationWorkdays').as('determined'),
      eb.fn.sum<number>('determinationOnTime').as('onTime'),
    ])
    .executeTakeFirstOrThrow();
  const histogram = async (column: 'acceptanceWorkdays' | 'determinationWorkdays') =>
    (
      await cases()
        .select([column, (eb) => eb.fn.countAll<number>().as('n')])
        .where(column, 'is not', null)
        .groupBy(column)
        .execute()
    ).map((r) => ({ value: Number(r[column]), n: Number(r.n) }));
  const acceptance = await histogram('acceptanceWorkdays');
  const determination = await histogram('determinationWorkdays');
  const count = async (c: {
    state: CaseState;
    submittedBefore?: string;
    dueBefore?: string;
    dueKind?: string;
  }) => {
    let query = cases()
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('state', '=', c.state);
    // A case submitted on the Shanghai date `staleSince` (UTC+8) was stamped before 16:00 UTC that day.
    if (c.submittedBefore) query = query.where('submittedAt', '<', `${c.submittedBefore}T16:00:00.000Z`);
    if (c.dueBefore) query = query.where('dueDate', '<', c.dueBefore);
    if (c.dueKind) query = query.where('dueKind', '=', c.dueKind);
    return Number((await query.executeTakeFirstOrThrow()).n);
  };
  const staleAtCounter =
    (await count({ state: 'submitted', submittedBefore: q.staleSince })) +
    (await count({ state: 'supplement_required', submittedBefore: q.staleSince }));
  const determinationOverdue = await count({
    state: 'verified',
    dueBefore: q.today,
    dueKind: 'determination',
  });
  const reconsiderationOverdue = await count({
    state: 'determined',
    dueBefore: q.today,
    dueKind: 'reconsideration',
  });
  // CROSS JOIN fixes the order on SQLite (notices drive, cases probed by key); PostgreSQL plans it freely.
  const notices = await db
    .selectFrom('oneTimeNotices')
    .crossJoin('cases')
    .select(['oneTimeNotices.items'])
    .whereRef('cases.id', '=', 'oneTimeNotices.caseId')
    .where('cases.district', '=', q.district)
    .$if(lo !== undefined, (b) => b.where('cases.createdAt', '>=', lo!))
    .$if(hi !== undefined, (b) => b.where('cases.createdAt', '<', hi!))
    .execute();
  const s = specificsOf(db);
  return {
    byState: byState.map((r) => ({ state: r.state, n: Number(r.n) })),
    filed: Number(totals.filed),
    urgent: Number(totals.urgent),
    determined: Number(totals.determined),
    onTime: Number(totals.onTime ?? 0),
    acceptance,
    determination,
    staleAtCounter,
    determinationOverdue,
    reconsiderationOverdue,
    noticeItems: notices.map((n) => s.readJson<{ code: string }[]>(n.items)),
  };
}
