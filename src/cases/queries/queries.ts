/**
 * Read side: every view says the state (Chinese), who holds the case, the
 * working-day due date and how long it has waited. Reading is checked against
 * the same rooms as acting (docs/spec/workflow.md "People and their rooms").
 */
import type { RefusalReason } from '../../contract/cases.js';
import { JifenError } from '../../shared/errors.js';
import { specificsOf } from '../../storage/dialectSpecifics.js';
import { listDeterminations } from '../../storage/determinationRepository.js';
import { listMaterials } from '../../storage/materialRepository.js';
import { listOneTimeNotices, listReceipts } from '../../storage/noticeRepository.js';
import { listReconsiderations } from '../../storage/reconsiderationRepository.js';
import { listReminders } from '../../storage/reminderRepository.js';
import { listReviewTasks } from '../../storage/reviewTaskRepository.js';
import { withCaseLabels } from '../../storage/caseLabels.js';
import {
  districtQueueByDeadline,
  NO_DEADLINE,
  orderByDeadline,
  type DeadlineCursor,
} from '../../storage/deadlineOrder.js';
import type { CaseRow, CaseState, District } from '../../storage/schema.js';
import { addDays } from '../../shared/dates.js';
import { createdBounds, type DateRange } from '../../city/dateRange.js';
import {
  ACCEPTANCE_STALE_WORKDAYS,
  caseHeldBy,
  hasStanding,
  RECONSIDERATION_LABELS,
  STATE_LABELS,
  waitingWorkdays,
  type Actor,
  type CaseSnapshot,
  type HeldBy,
  type WorkdayCalendar,
} from '../../workflow/index.js';
import { readSnapshot } from '../executor/executeCaseCommand.js';
import { displayedDeadline } from '../executor/snapshotColumns.js';
import type { CaseDeps, Db } from '../types.js';

const forbiddenRead = (actor: Actor) =>
  new JifenError('forbidden', '无权查看此案件', [], { role: actor.role, reason: 'room' });

/** Officers may see their district's cases; the city supervisor all; HR its unit's; a holder their own. */
export function mayRead(actor: Actor, s: Pick<CaseSnapshot, 'holderId' | 'unitId' | 'district'>): boolean {
  if (actor.role === 'admin') return false;
  return hasStanding(actor, s as CaseSnapshot);
}

/** Since when the case has been waiting on whoever holds it now. */
function waitingSince(s: CaseSnapshot): string | null {
  // Returned with a one-time notice, the case still waits at the counter since it was submitted
  // (细则 第五条 sets no time limit to 补齐: the wait is shown, never a deadline; issue 14).
  if (s.state === 'submitted' || s.state === 'supplement_required') return s.submittedOn;
  if (s.state === 'accepted' || s.state === 'under_review') return s.pause.since ?? s.acceptedOn;
  if (s.state === 'verified') return s.pause.since ?? s.verifiedOn;
  if (s.state === 'determined' && s.reconsideration.state.endsWith('pending'))
    return s.reconsideration.requestedOn;
  return null;
}

export interface CaseSummary {
  caseId: string;
  version: number;
  state: CaseState | 'new';
  stateLabel: string;
  reconsideration: string | null;
  heldBy: HeldBy;
  due: { kind: string; date: string; workdaysLeft: number } | null;
  waitingWorkdays: number | null;
  /**
   * Waiting at the counter (submitted, or returned for 补齐) for ACCEPTANCE_STALE_WORKDAYS working
   * days or more: an internal management signal for the district (docs/spec/workflow.md), not a legal deadline.
   */
  staleAtCounter: boolean;
  district: string;
  unitId: string;
  holderId: string;
  urgency: CaseSnapshot['urgency'];
  points: number | null;
}

export function summarise(s: CaseSnapshot, today: string, calendar: WorkdayCalendar): CaseSummary {
  const due = displayedDeadline(s);
  const since = waitingSince(s);
  const waited = since === null ? null : waitingWorkdays(calendar, since, today);
  return {
    caseId: s.caseId,
    version: s.version,
    state: s.state,
    stateLabel: STATE_LABELS[s.state],
    reconsideration:
      s.state === 'determined' && s.reconsideration.state !== 'none'
        ? RECONSIDERATION_LABELS[s.reconsideration.state]
        : null,
    heldBy: caseHeldBy(s),
    due: due && { kind: due.kind, date: due.due, workdaysLeft: calendar.workdaysBetween(today, due.due) },
    waitingWorkdays: waited,
    staleAtCounter:
      (s.state === 'submitted' || s.state === 'supplement_required') &&
      waited !== null &&
      waited >= ACCEPTANCE_STALE_WORKDAYS,
    district: s.district,
    unitId: s.unitId,
    holderId: s.holderId,
    urgency: s.urgency,
    points: s.determination?.points ?? null,
  };
}

async function loadReadable(
  db: Db,
  actor: Actor,
  caseId: string,
): Promise<{ row: CaseRow; s: CaseSnapshot }> {
  const row = await db.selectFrom('cases').selectAll().where('id', '=', caseId).executeTakeFirst();
  // Not found and not allowed look the same to someone outside the rooms.
  if (!row || !mayRead(actor, row))
    throw row ? forbiddenRead(actor) : new JifenError('not_found', '申请不存在', [], { caseId });
  return { row, s: readSnapshot(db, row) };
}

/**
 * The parts of the case view that only a command changes (each writes them in the
 * transaction that bumps the case version): stored per version by cachedCaseView.ts.
 */
export async function caseViewLists(db: Db, caseId: string) {
  const refusals = await db.selectFrom('refusals').selectAll().where('caseId', '=', caseId).execute();
  return {
    materials: await listMaterials(db, caseId),
    receipts: await listReceipts(db, caseId),
    notices: await listOneTimeNotices(db, caseId),
    reviewTasks: await listReviewTasks(db, caseId),
    determinations: (await listDeterminations(db, caseId)).map((d) => ({
      id: d.id,
      sequence: d.sequence,
      total: d.total,
      reason: d.reason,
      rulesVersion: d.rulesVersion,
      acceptanceDate: d.acceptanceDate,
      verificationCode: d.verificationCode,
      decidedAt: d.decidedAt,
      supersedes: d.supersedes,
    })),
    reconsiderations: await listReconsiderations(db, caseId),
    refusals: refusals.map((r) => ({ ...r, reasons: specificsOf(db).readJson<RefusalReason[]>(r.reasons) })),
  };
}

/** What changes without a new case version: the reminders the sweep raises and the messages' delivery. */
export async function caseViewLive(db: Db, caseId: string) {
  const messages = await db
    .selectFrom('outbox')
    .select(['id', 'channel', 'templateId', 'status', 'attempts', 'createdAt', 'sentAt'])
    .where('caseId', '=', caseId)
    .orderBy('createdAt')
    .execute();
  return { reminders: await listReminders(db, caseId), messages };
}

/** The case view's fields in their order, from its parts. */
export function assembleCaseView(
  row: CaseRow,
  s: CaseSnapshot,
  today: string,
  calendar: WorkdayCalendar,
  holder: { id: string; name: string; idNumberMasked: string; phoneMasked: string | null } | undefined,
  unit: { id: string; name: string; district: string } | undefined,
  lists: Awaited<ReturnType<typeof caseViewLists>>,
  live: Awaited<ReturnType<typeof caseViewLive>>,
) {
  return {
    ...summarise(s, today, calendar),
    applicationNo: row.applicationNo,
    deadlines: s.deadlines,
    pause: s.pause,
    holder,
    unit,
    ...lists,
    ...live,
  };
}

/** The full case view for unit, holder and officers (personal data masked), computed afresh. */
export async function getCaseView(
  db: Db,
  req: { actor: Actor; caseId: string; today: string },
  deps: CaseDeps,
) {
  const { row, s } = await loadReadable(db, req.actor, req.caseId);
  const holder = await db
    .selectFrom('holders')
    .select(['id', 'name', 'idNumberMasked', 'phoneMasked'])
    .where('id', '=', row.holderId)
    .executeTakeFirst();
  const unit = await db
    .selectFrom('units')
    .select(['id', 'name', 'district'])
    .where('id', '=', row.unitId)
    .executeTakeFirst();
  const lists = await caseViewLists(db, row.id);
  const live = await caseViewLive(db, row.id);
  return assembleCaseView(row, s, req.today, deps.calendar, holder, unit, lists, live);
}

export const forbiddenCaseRead = forbiddenRead;

function assertDistrictOfficer(actor: Actor, district: string): void {
  const officer =
    ['acceptance_clerk', 'district_reviewer', 'district_approver'].includes(actor.role) &&
    actor.district === district;
  if (!officer && actor.role !== 'city_supervisor')
    throw new JifenError('forbidden', '无权查看该区的案件', [], { role: actor.role, reason: 'room' });
}

/**
 * The district queue: one state (default 等待受理), oldest submission first, with
 * waiting working days; `orderBy: 'urgency'` puts cases with an urgency note
 * first (by its date) — it never changes a deadline.
 */
export async function districtQueue(
  db: Db,
  req: {
    actor: Actor;
    district: District;
    today: string;
    state?: CaseState;
    limit?: number;
    after?: { submittedAt: string; id: string };
    /** The cursor of a deadline-ordered page (`orderBy: 'deadline'`). */
    afterDeadline?: DeadlineCursor;
    orderBy?: 'oldest' | 'urgency' | 'deadline';
  },
  deps: CaseDeps,
) {
  assertDistrictOfficer(req.actor, req.district);
  const calendar = deps.calendar;
  const limit = Math.min(Math.max(req.limit ?? 50, 1), 500);
  const state = req.state ?? 'submitted';
  const base = () =>
    db
      .selectFrom('cases')
      .select(['id', 'submittedAt', 'urgencyDate', 'snapshot'])
      .where('district', '=', req.district)
      .where('state', '=', state)
      .where('submittedAt', 'is not', null);
  let rows: { id: string; submittedAt: string | null; urgencyDate: string | null; snapshot: unknown }[];
  if (req.orderBy === 'deadline') {
    // The most urgent first, over the whole queue (issue 15), keyset-paged in storage.
    const page = await districtQueueByDeadline(db, {
      district: req.district,
      state,
      limit,
      ...(req.afterDeadline ? { after: req.afterDeadline } : {}),
    });
    return withCaseLabels(
      db,
      page.map((r) => ({
        ...summarise(specificsOf(db).readJson<CaseSnapshot>(r.snapshot), req.today, calendar),
        submittedAt: r.submittedAt,
        cursor: `${r.dueDate ?? NO_DEADLINE}~${r.id}`,
      })),
    );
  } else if (req.orderBy === 'urgency') {
    // Two index range reads (cases_urgency_ix): noted cases by their date, then the oldest others.
    const urgent = await base()
      .where('urgencyDate', 'is not', null)
      .orderBy('urgencyDate')
      .orderBy('submittedAt')
      .orderBy('id')
      .limit(limit)
      .execute();
    const rest =
      urgent.length < limit
        ? await base()
            .where('urgencyDate', 'is', null)
            .orderBy('submittedAt')
            .orderBy('id')
            .limit(limit - urgent.length)
            .execute()
        : [];
    rows = [...urgent, ...rest];
  } else {
    let q = base();
    if (req.after) {
      const { submittedAt, id } = req.after;
      q = q.where((eb) =>
        eb.or([
          eb('submittedAt', '>', submittedAt),
          eb.and([eb('submittedAt', '=', submittedAt), eb('id', '>', id)]),
        ]),
      );
    }
    rows = await q.orderBy('submittedAt').orderBy('id').limit(limit).execute();
  }
  const specifics = specificsOf(db);
  return withCaseLabels(
    db,
    rows.map((r) => {
      const s = specifics.readJson<CaseSnapshot>(r.snapshot);
      return {
        ...summarise(s, req.today, calendar),
        submittedAt: r.submittedAt,
        cursor: `${r.submittedAt}~${r.id}`,
      };
    }),
  );
}

/** A unit's cases (HR of that unit only), newest first. */
export async function unitCases(
  db: Db,
  req: { actor: Actor; unitId: string; today: string; limit?: number; orderBy?: 'newest' | 'deadline' },
  deps: CaseDeps,
) {
  if (req.actor.role !== 'employer_hr' || req.actor.unitId !== req.unitId) {
    const unit = await db
      .selectFrom('units')
      .select('district')
      .where('id', '=', req.unitId)
      .executeTakeFirst();
    if (!unit) throw new JifenError('not_found', '单位不存在', [], { unitId: req.unitId });
    assertDistrictOfficer(req.actor, unit.district);
  }
  const mine = db.selectFrom('cases').select(['snapshot']).where('unitId', '=', req.unitId);
  // The most urgent deadlines first when asked (issue 15), so the list's first page holds them.
  const rows = await (req.orderBy === 'deadline' ? orderByDeadline(mine) : mine.orderBy('createdAt', 'desc'))
    .limit(Math.min(req.limit ?? 100, 1000))
    .execute();
  const calendar = deps.calendar;
  return withCaseLabels(
    db,
    rows.map((r) => summarise(specificsOf(db).readJson<CaseSnapshot>(r.snapshot), req.today, calendar)),
  );
}

/** A holder's cases and every determination (history kept, the one in force marked). */
export async function holderCases(
  db: Db,
  req: { actor: Actor; holderId: string; today: string },
  deps: CaseDeps,
) {
  const rows = await db
    .selectFrom('cases')
    .selectAll()
    .where('holderId', '=', req.holderId)
    .orderBy('createdAt')
    .execute();
  const readable = rows.filter((r) => mayRead(req.actor, r));
  if (rows.length > 0 && readable.length === 0) throw forbiddenRead(req.actor);
  if (rows.length === 0 && !(req.actor.role === 'holder' && req.actor.id === req.holderId))
    throw forbiddenRead(req.actor);
  const calendar = deps.calendar;
  const out = [];
  for (const row of readable) {
    const s = readSnapshot(db, row);
    const determinations = await listDeterminations(db, row.id);
    out.push({
      ...summarise(s, req.today, calendar),
      determinations: determinations.map((d, i) => ({
        sequence: d.sequence,
        total: d.total,
        reason: d.reason,
        rulesVersion: d.rulesVersion,
        verificationCode: d.verificationCode,
        decidedAt: d.decidedAt,
        inForce: i === determinations.length - 1 && s.determination !== null,
      })),
    });
  }
  return withCaseLabels(db, out);
}

/** The median of a histogram of whole working days (the mean of the two middle values when even). */
function medianOf(h: { value: number; n: number }[]): number | null {
  const total = h.reduce((a, b) => a + b.n, 0);
  if (total === 0) return null;
  const sorted = [...h].sort((a, b) => a.value - b.value);
  const nth = (k: number): number => {
    let seen = 0;
    for (const b of sorted) {
      seen += b.n;
      if (seen > k) return b.value;
    }
    return sorted[sorted.length - 1]!.value;
  };
  return total % 2 ? nth((total - 1) / 2) : (nth(total / 2 - 1) + nth(total / 2)) / 2;
}

/**
 * District statistics (docs/spec/workflow.md): cases by state, median working days to
 * acceptance and to determination, share of determination deadlines met (made on
 * time ÷ made + pending past their deadline),
 * one-time-notice rate by reason, stale and overdue counts, urgency notes.
 */
export async function districtStatistics(
  db: Db,
  req: { actor: Actor; district: District; today: string; range?: DateRange },
  deps: CaseDeps,
) {
  assertDistrictOfficer(req.actor, req.district);
  // Issue 15: only the cases opened within the date range, when one is given (city dashboard).
  const { lo, hi } = createdBounds(req.range);
  const byState = await db
    .selectFrom('cases')
    .select(['state', (eb) => eb.fn.countAll<number>().as('n')])
    .where('district', '=', req.district)
    .$if(lo !== undefined, (q) => q.where('createdAt', '>=', lo!))
    .$if(hi !== undefined, (q) => q.where('createdAt', '<', hi!))
    .groupBy('state')
    .execute();
  // One pass over the covering index (cases_stats_ix), then two small histograms for the medians.
  const totals = await db
    .selectFrom('cases')
    .select((eb) => [
      eb.fn.count<number>('filedOn').as('filed'),
      eb.fn.count<number>('urgencyReason').as('urgent'),
      eb.fn.count<number>('determinationWorkdays').as('determined'),
      eb.fn.sum<number>('determinationOnTime').as('onTime'),
    ])
    .where('district', '=', req.district)
    .$if(lo !== undefined, (q) => q.where('createdAt', '>=', lo!))
    .$if(hi !== undefined, (q) => q.where('createdAt', '<', hi!))
    .executeTakeFirstOrThrow();
  const histogram = async (column: 'acceptanceWorkdays' | 'determinationWorkdays') =>
    (
      await db
        .selectFrom('cases')
        .select([column, (eb) => eb.fn.countAll<number>().as('n')])
        .where('district', '=', req.district)
        .$if(lo !== undefined, (q) => q.where('createdAt', '>=', lo!))
        .$if(hi !== undefined, (q) => q.where('createdAt', '<', hi!))
        .where(column, 'is not', null)
        .groupBy(column)
        .execute()
    ).map((r) => ({ value: Number(r[column]), n: Number(r.n) }));
  const acceptance = await histogram('acceptanceWorkdays');
  const determination = await histogram('determinationWorkdays');
  // Stale at the counter and overdue decisions, from the case columns (index range reads).
  const calendar = deps.calendar;
  let staleSince = addDays(req.today, -30);
  while (calendar.workdaysBetween(staleSince, req.today) < ACCEPTANCE_STALE_WORKDAYS)
    staleSince = addDays(staleSince, -1);
  const count = async (q: {
    state: CaseState;
    submittedBefore?: string;
    dueBefore?: string;
    dueKind?: string;
  }) => {
    let query = db
      .selectFrom('cases')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('district', '=', req.district)
      .$if(lo !== undefined, (q) => q.where('createdAt', '>=', lo!))
      .$if(hi !== undefined, (q) => q.where('createdAt', '<', hi!))
      .where('state', '=', q.state);
    // A case submitted on the Shanghai date `staleSince` (UTC+8) was stamped before 16:00 UTC that day.
    if (q.submittedBefore) query = query.where('submittedAt', '<', `${q.submittedBefore}T16:00:00.000Z`);
    if (q.dueBefore) query = query.where('dueDate', '<', q.dueBefore);
    if (q.dueKind) query = query.where('dueKind', '=', q.dueKind);
    return Number((await query.executeTakeFirstOrThrow()).n);
  };
  const staleAtCounter =
    (await count({ state: 'submitted', submittedBefore: staleSince })) +
    (await count({ state: 'supplement_required', submittedBefore: staleSince }));
  const determinationOverdue = await count({
    state: 'verified',
    dueBefore: req.today,
    dueKind: 'determination',
  });
  const reconsiderationOverdue = await count({
    state: 'determined',
    dueBefore: req.today,
    dueKind: 'reconsideration',
  });
  // CROSS JOIN fixes the order on SQLite (notices drive, cases probed by key); PostgreSQL plans it freely.
  const notices = await db
    .selectFrom('oneTimeNotices')
    .crossJoin('cases')
    .select(['oneTimeNotices.items'])
    .whereRef('cases.id', '=', 'oneTimeNotices.caseId')
    .where('cases.district', '=', req.district)
    .$if(lo !== undefined, (q) => q.where('cases.createdAt', '>=', lo!))
    .$if(hi !== undefined, (q) => q.where('cases.createdAt', '<', hi!))
    .execute();
  const byItem = new Map<string, number>();
  for (const n of notices) {
    for (const item of specificsOf(db).readJson<{ code: string }[]>(n.items))
      byItem.set(item.code, (byItem.get(item.code) ?? 0) + 1);
  }
  const filedCount = Number(totals.filed);
  const determined = Number(totals.determined);
  return {
    district: req.district,
    asOf: req.today,
    casesByState: Object.fromEntries(byState.map((r) => [r.state, Number(r.n)])) as Partial<
      Record<CaseState, number>
    >,
    stateLabels: STATE_LABELS,
    medianWorkdaysToAcceptance: medianOf(acceptance),
    medianWorkdaysToDetermination: medianOf(determination),
    // On time ÷ (made + pending already past their deadline): an overdue case still waiting counts
    // against the rate from the day its deadline passes, not only once it is finally decided (issue 14).
    determinationDeadlinesMet:
      determined + determinationOverdue === 0
        ? null
        : Number(totals.onTime ?? 0) / (determined + determinationOverdue),
    determinations: determined,
    determinationsOnTime: Number(totals.onTime ?? 0),
    oneTimeNotices: notices.length,
    /** Share of filed cases that received at least one notice item of this kind. */
    oneTimeNoticeRateByItem: Object.fromEntries(
      [...byItem].map(([k, v]) => [k, filedCount === 0 ? 0 : v / filedCount]),
    ),
    /** 等待受理 for 30 working days or more (docs/spec/workflow.md Decision). */
    staleAtCounter,
    determinationOverdue,
    reconsiderationOverdue,
    urgencyNotesOpen: Number(totals.urgent),
  };
}
