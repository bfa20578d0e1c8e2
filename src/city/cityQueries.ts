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
import { normaliseApplicationNo } from '../storage/applicationNumbers.js';
import { withCaseLabels } from '../storage/caseLabels.js';
import { cityCaseRows } from '../storage/cityCaseRows.js';
import { cityStatisticsRows, districtsWithCases } from '../storage/cityStatisticsRows.js';
import { CASE_STATES, type Database } from '../storage/schema.js';
import { listPenaltyRecords } from '../storage/supervisionRepository.js';
import { createdBounds, dateRangeFields, type DateRange } from './dateRange.js';
import { STATE_LABELS, type Actor } from '../workflow/index.js';

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
  const { lo, hi } = createdBounds(q);
  // A whole number finds its case; a beginning (`MH2025`) lists the district's year.
  const whole = q.q ? normaliseApplicationNo(q.q) : undefined;
  const limit = q.limit ?? 20;
  const offset = q.offset ?? 0;
  // Rows without a snapshot are not (yet) in the workflow: never listed (cityCaseRows).
  const { total, rows } = await cityCaseRows(db, {
    district: q.district,
    lo,
    hi,
    state: q.state,
    applicationNo: q.q
      ? whole
        ? { whole }
        : { prefix: q.q.toUpperCase().replace(/[%_\s]/g, '') }
      : undefined,
    reconsiderationPending: q.reconsideration === 'pending',
    overdue: q.overdue,
    today: req.today,
    limit,
    offset,
    orderBy: q.orderBy,
  });
  const calendar = deps.calendar;
  const items = await withCaseLabels(
    db,
    rows.map((r) => ({
      ...summarise(r.snapshot, req.today, calendar),
      submittedAt: r.submittedAt,
      createdAt: r.createdAt,
    })),
  );
  return { total, limit, offset, items, stateLabels: STATE_LABELS };
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
  const present = await districtsWithCases(db);
  const districts = DISTRICTS.filter((d) => present.includes(d));
  const perDistrict = [];
  for (const district of districts)
    perDistrict.push(
      await districtStatistics(
        db,
        { actor: req.actor, district, today: req.today, ...(req.range ? { range: req.range } : {}) },
        deps,
      ),
    );

  const city = await cityStatisticsRows(db, { lo, hi });
  const filedBy = new Map(city.filed.map((f) => [f.district, f.filed]));
  const notices = city.notices;
  const histogram = (h: { value: number; n: number }[]) => new Map(h.map((r) => [r.value, r.n]));
  const names = new Map(deps.catalogue.materials.map((m) => [m.id, m.name]));
  const reasons = new Map<string, Map<string, number>>();
  for (const n of notices) {
    for (const item of n.items) {
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
      medianWorkdaysToAcceptance: medianOf(histogram(city.acceptance)),
      medianWorkdaysToDetermination: medianOf(histogram(city.determination)),
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
  const limit = q.limit ?? 20;
  const offset = q.offset ?? 0;
  const { total, rows } = await listPenaltyRecords(db, {
    kind: q.kind,
    status: q.status,
    subjectKind: q.subjectKind,
    limit,
    offset,
  });
  return { total, limit, offset, items: rows };
}
