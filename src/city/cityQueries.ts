/**
 * City supervision (docs/spec/workflow.md: city_supervisor "supervises all districts"):
 * the city-wide case list, the statistics of every district with the city
 * total, and the penalties on record. Read-only; only the city supervisor.
 */
import type { Kysely } from 'kysely';
import { districtStatistics, summarise } from '../cases/queries/queries.js';
import type { CaseDeps } from '../cases/types.js';
import { JifenError } from '../shared/errors.js';
import { DISTRICTS } from '../shared/vocabulary.js';
import { z } from '../shared/zodLocale.js';
import { specificsOf, readBool } from '../storage/dialectSpecifics.js';
import { normaliseApplicationNo } from '../storage/applicationNumbers.js';
import { withCaseLabels } from '../storage/caseLabels.js';
import { orderByDeadline } from '../storage/deadlineOrder.js';
import { CASE_STATES, type Database, type District } from '../storage/schema.js';
import { createdBounds, dateRangeFields, type DateRange } from './dateRange.js';
import { STATE_LABELS, type Actor, type CaseSnapshot } from '../workflow/index.js';

type Db = Kysely<Database>;

function assertCity(actor: Actor): void {
  if (actor.role !== 'city_supervisor')
    throw new JifenError('forbidden', '仅市级监督人员可查看全市数据', [], {
      role: actor.role,
      reason: 'role',
    });
}

export const cityCaseQuery = z.strictObject({
  district: z.enum(DISTRICTS).optional(),
  state: z.enum(CASE_STATES).optional(),
  /** Only determined cases with a reconsideration pending (district or city level). */
  reconsideration: z.enum(['pending']).optional(),
  /**
   * `determination`: verified cases past their determination deadline; `reconsideration`: determined
   * cases past their reconsideration deadline (the dashboard's overdue counts).
   */
  overdue: z.enum(['determination', 'reconsideration']).optional(),
  ...dateRangeFields,
  /** An application number (as typed: MH2025-000123, mh2025 123 …) or the beginning of one. */
  q: z
    .string()
    .trim()
    .regex(/^[\w.:\- ]{1,100}$/, { message: '申请编号只含字母、数字和 -' })
    .optional(),
  /** `deadline`: the most urgent working-day deadline first (no deadline last); default newest first. */
  orderBy: z.enum(['newest', 'deadline']).optional(),
  limit: z.coerce.number().int().min(1).max(200).optional(),
  offset: z.coerce.number().int().min(0).max(1_000_000).optional(),
});
export type CityCaseQuery = z.output<typeof cityCaseQuery>;

/** Every district's cases, newest first, filterable by district, state and case number; paginated. */
export async function cityCases(
  db: Db,
  req: { actor: Actor; today: string; query: CityCaseQuery },
  deps: CaseDeps,
) {
  assertCity(req.actor);
  const q = req.query;
  // Rows without a snapshot are not (yet) in the workflow: never listed.
  let base = db.selectFrom('cases').where('snapshot', 'is not', null);
  if (q.district) base = base.where('district', '=', q.district);
  const { lo, hi } = createdBounds(q);
  if (lo) base = base.where('createdAt', '>=', lo);
  if (hi) base = base.where('createdAt', '<', hi);
  if (q.state) base = base.where('state', '=', q.state);
  if (q.q) {
    // A whole number finds its case; a beginning (`MH2025`) lists the district's year.
    const whole = normaliseApplicationNo(q.q);
    const prefix = q.q.toUpperCase().replace(/[%_\s]/g, '');
    base = whole
      ? base.where('applicationNo', '=', whole)
      : base.where('applicationNo', 'like', `${prefix}%`);
  }
  if (q.reconsideration === 'pending')
    base = base.where('state', '=', 'determined').where('dueKind', '=', 'reconsideration');
  if (q.overdue === 'determination')
    base = base
      .where('state', '=', 'verified')
      .where('dueKind', '=', 'determination')
      .where('dueDate', '<', req.today);
  if (q.overdue === 'reconsideration')
    base = base
      .where('state', '=', 'determined')
      .where('dueKind', '=', 'reconsideration')
      .where('dueDate', '<', req.today);
  const limit = q.limit ?? 20;
  const offset = q.offset ?? 0;
  const total = await base.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
  const selected = base.select(['id', 'snapshot', 'submittedAt', 'createdAt']);
  const rows = await (
    q.orderBy === 'deadline' ? orderByDeadline(selected) : selected.orderBy('createdAt', 'desc').orderBy('id')
  )
    .limit(limit)
    .offset(offset)
    .execute();
  const calendar = deps.calendar;
  const specifics = specificsOf(db);
  const items = await withCaseLabels(
    db,
    rows.map((r) => ({
      ...summarise(specifics.readJson<CaseSnapshot>(r.snapshot), req.today, calendar),
      submittedAt: r.submittedAt,
      createdAt: r.createdAt,
    })),
  );
  return { total: Number(total.n), limit, offset, items, stateLabels: STATE_LABELS };
}

/** The median of a histogram of whole working days (the mean of the two middle values when even). */
function medianOf(h: Map<number, number>): number | null {
  const sorted = [...h].sort((a, b) => a[0] - b[0]);
  const total = sorted.reduce((a, [, n]) => a + n, 0);
  if (total === 0) return null;
  const nth = (k: number): number => {
    let seen = 0;
    for (const [value, n] of sorted) {
      seen += n;
      if (seen > k) return value;
    }
    return sorted[sorted.length - 1]![0];
  };
  return total % 2 ? nth((total - 1) / 2) : (nth(total / 2 - 1) + nth(total / 2)) / 2;
}

/**
 * The statistics of docs/spec/workflow.md per district (the same figures as each
 * district's own dashboard) and for the whole city: cases by state, median
 * working days to acceptance and to determination (medians of the merged
 * distributions, not of the district medians), share of determination deadlines
 * met, one-time notices by reason (counts and rate per filed case).
 */
export async function cityStatistics(
  db: Db,
  req: { actor: Actor; today: string; range?: DateRange },
  deps: CaseDeps,
) {
  assertCity(req.actor);
  const { lo, hi } = createdBounds(req.range);
  const present = await db.selectFrom('cases').select('district').groupBy('district').execute();
  const districts = DISTRICTS.filter((d) => present.some((p) => p.district === d));
  const perDistrict = [];
  for (const district of districts)
    perDistrict.push(
      await districtStatistics(
        db,
        { actor: req.actor, district, today: req.today, ...(req.range ? { range: req.range } : {}) },
        deps,
      ),
    );

  const histogram = async (column: 'acceptanceWorkdays' | 'determinationWorkdays') => {
    const rows = await db
      .selectFrom('cases')
      .select([column, (eb) => eb.fn.countAll<number>().as('n')])
      .where(column, 'is not', null)
      .$if(lo !== undefined, (q) => q.where('createdAt', '>=', lo!))
      .$if(hi !== undefined, (q) => q.where('createdAt', '<', hi!))
      .groupBy(column)
      .execute();
    return new Map(rows.map((r) => [Number(r[column]), Number(r.n)]));
  };
  const filed = await db
    .selectFrom('cases')
    .select(['district', (eb) => eb.fn.count<number>('filedOn').as('filed')])
    .$if(lo !== undefined, (q) => q.where('createdAt', '>=', lo!))
    .$if(hi !== undefined, (q) => q.where('createdAt', '<', hi!))
    .groupBy('district')
    .execute();
  const filedBy = new Map(filed.map((f) => [f.district as District, Number(f.filed)]));
  const notices = await db
    .selectFrom('oneTimeNotices')
    .innerJoin('cases', 'cases.id', 'oneTimeNotices.caseId')
    .select(['cases.district', 'oneTimeNotices.items'])
    .$if(lo !== undefined, (q) => q.where('cases.createdAt', '>=', lo!))
    .$if(hi !== undefined, (q) => q.where('cases.createdAt', '<', hi!))
    .execute();
  const names = new Map(deps.catalogue.materials.map((m) => [m.id, m.name]));
  const reasons = new Map<string, Map<string, number>>();
  for (const n of notices) {
    for (const item of specificsOf(db).readJson<{ code: string }[]>(n.items)) {
      const byDistrict = reasons.get(item.code) ?? new Map<string, number>();
      byDistrict.set(n.district, (byDistrict.get(n.district) ?? 0) + 1);
      reasons.set(item.code, byDistrict);
    }
  }
  const filedTotal = [...filedBy.values()].reduce((a, b) => a + b, 0);
  const casesByState: Record<string, number> = {};
  for (const d of perDistrict)
    for (const [s, n] of Object.entries(d.casesByState)) casesByState[s] = (casesByState[s] ?? 0) + (n ?? 0);
  const determinations = perDistrict.reduce((a, d) => a + d.determinations, 0);
  const onTime = perDistrict.reduce((a, d) => a + d.determinationsOnTime, 0);
  const determinationOverdue = perDistrict.reduce((a, d) => a + d.determinationOverdue, 0);
  const noticeReasons = [...reasons]
    .map(([code, byDistrict]) => {
      const count = [...byDistrict.values()].reduce((a, b) => a + b, 0);
      return {
        code,
        label: names.get(code) ?? code,
        count,
        rate: filedTotal === 0 ? 0 : count / filedTotal,
        byDistrict: Object.fromEntries(byDistrict),
      };
    })
    .sort((a, b) => b.count - a.count || a.code.localeCompare(b.code));
  return {
    asOf: req.today,
    ...(req.range?.from ? { from: req.range.from } : {}),
    ...(req.range?.to ? { to: req.range.to } : {}),
    stateLabels: STATE_LABELS,
    districts: perDistrict.map((d) => ({ ...d, filed: filedBy.get(d.district) ?? 0 })),
    city: {
      casesByState,
      filed: filedTotal,
      medianWorkdaysToAcceptance: medianOf(await histogram('acceptanceWorkdays')),
      medianWorkdaysToDetermination: medianOf(await histogram('determinationWorkdays')),
      determinations,
      determinationsOnTime: onTime,
      // Made on time ÷ (made + pending past their deadline), as for each district.
      determinationDeadlinesMet:
        determinations + determinationOverdue === 0 ? null : onTime / (determinations + determinationOverdue),
      oneTimeNotices: notices.length,
      staleAtCounter: perDistrict.reduce((a, d) => a + d.staleAtCounter, 0),
      determinationOverdue,
      reconsiderationOverdue: perDistrict.reduce((a, d) => a + d.reconsiderationOverdue, 0),
      urgencyNotesOpen: perDistrict.reduce((a, d) => a + d.urgencyNotesOpen, 0),
    },
    noticeReasons,
  };
}

export const penaltyQuery = z.strictObject({
  kind: z.enum(['false_material', 'fine', 'credit_record', 'bar']).optional(),
  status: z.enum(['in_force', 'appealed', 'revoked']).optional(),
  subjectKind: z.enum(['individual', 'unit']).optional(),
  limit: z.coerce.number().int().min(1).max(200).optional(),
  offset: z.coerce.number().int().min(0).max(1_000_000).optional(),
});

/** Penalties on record (细则 第十四条), newest first: who, what, why, when, by whom, status. */
export async function listPenalties(db: Db, req: { actor: Actor; query: z.output<typeof penaltyQuery> }) {
  assertCity(req.actor);
  const q = req.query;
  let base = db.selectFrom('penalties');
  if (q.kind) base = base.where('penalties.kind', '=', q.kind);
  if (q.status) base = base.where('penalties.status', '=', q.status);
  if (q.subjectKind) base = base.where('penalties.subjectKind', '=', q.subjectKind);
  const limit = q.limit ?? 20;
  const offset = q.offset ?? 0;
  const total = await base.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
  const rows = await base
    .leftJoin('units', 'units.id', 'penalties.unitId')
    .leftJoin('users', 'users.id', 'penalties.decidedBy')
    // People read names and 申请编号, never internal ids (issue 15).
    .leftJoin('holders', 'holders.id', 'penalties.holderId')
    .leftJoin('cases', 'cases.id', 'penalties.caseId')
    .select([
      'penalties.id',
      'penalties.subjectKind',
      'penalties.holderId',
      'holders.name as holderName',
      'penalties.unitId',
      'units.name as unitName',
      'penalties.caseId',
      'cases.applicationNo',
      'penalties.kind',
      'penalties.serious',
      'penalties.reason',
      'penalties.legalBasis',
      'penalties.amountFen',
      'penalties.effectiveFrom',
      'penalties.effectiveUntil',
      'penalties.status',
      'penalties.decidedBy',
      'users.displayName as decidedByName',
      'penalties.decidedAt',
    ])
    .orderBy('penalties.decidedAt', 'desc')
    .orderBy('penalties.id')
    .limit(limit)
    .offset(offset)
    .execute();
  return {
    total: Number(total.n),
    limit,
    offset,
    items: rows.map((r) => ({
      ...r,
      serious: readBool(r.serious),
      amountFen: r.amountFen === null ? null : Number(r.amountFen),
    })),
  };
}
