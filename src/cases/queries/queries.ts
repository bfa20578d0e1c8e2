/**
 * Read side: every view says the state (Chinese), who holds the case, the
 * working-day due date and how long it has waited. Reading is checked against
 * the same rooms as acting (docs/spec/workflow.md "People and their rooms").
 */
import type { RefusalReason } from '../../contract/cases.js';
import { JifenError } from '../../shared/errors.js';
import { getCase, listHolderCases, listUnitCaseSnapshots } from '../../storage/caseRepository.js';
import { listDeterminations } from '../../storage/determinationRepository.js';
import { districtQueueRows } from '../../storage/districtQueueRows.js';
import { districtStatisticsRows } from '../../storage/districtStatisticsRows.js';
import { getHolderCard } from '../../storage/holderRepository.js';
import { listMaterials } from '../../storage/materialRepository.js';
import { listOneTimeNotices, listReceipts } from '../../storage/noticeRepository.js';
import { listCaseMessageStatus } from '../../storage/outbox.js';
import { listReconsiderations } from '../../storage/reconsiderationRepository.js';
import { listRefusals } from '../../storage/refusalRepository.js';
import { listReminders } from '../../storage/reminderRepository.js';
import { listReviewTasks } from '../../storage/reviewTaskRepository.js';
import { withCaseLabels } from '../../storage/caseLabels.js';
import { getUnit, getUnitCard } from '../../storage/unitRepository.js';
import type { DeadlineCursor } from '../../storage/deadlineOrder.js';
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
  const row = await getCase(db, caseId);
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
  const refusals = await listRefusals<RefusalReason[]>(db, caseId);
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
    refusals,
  };
}

/** What changes without a new case version: the reminders the sweep raises and the messages' delivery. */
export async function caseViewLive(db: Db, caseId: string) {
  const messages = await listCaseMessageStatus(db, caseId);
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
  const holder = await getHolderCard(db, row.holderId);
  const unit = await getUnitCard(db, row.unitId);
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
  const rows = await districtQueueRows(db, {
    district: req.district,
    state,
    limit,
    after: req.after,
    afterDeadline: req.afterDeadline,
    orderBy: req.orderBy,
  });
  return withCaseLabels(
    db,
    rows.map((r) => ({
      ...summarise(r.snapshot, req.today, calendar),
      submittedAt: r.submittedAt,
      cursor: r.cursor,
    })),
  );
}

/** A unit's cases (HR of that unit only), newest first. */
export async function unitCases(
  db: Db,
  req: { actor: Actor; unitId: string; today: string; limit?: number; orderBy?: 'newest' | 'deadline' },
  deps: CaseDeps,
) {
  if (req.actor.role !== 'employer_hr' || req.actor.unitId !== req.unitId) {
    const unit = await getUnit(db, req.unitId);
    if (!unit) throw new JifenError('not_found', '单位不存在', [], { unitId: req.unitId });
    assertDistrictOfficer(req.actor, unit.district);
  }
  const snapshots = await listUnitCaseSnapshots(
    db,
    req.unitId,
    Math.min(req.limit ?? 100, 1000),
    req.orderBy,
  );
  const calendar = deps.calendar;
  return withCaseLabels(
    db,
    snapshots.map((s) => summarise(s, req.today, calendar)),
  );
}

/** A holder's cases and every determination (history kept, the one in force marked). */
export async function holderCases(
  db: Db,
  req: { actor: Actor; holderId: string; today: string },
  deps: CaseDeps,
) {
  const rows = await listHolderCases(db, req.holderId);
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
  // Stale at the counter: submitted ACCEPTANCE_STALE_WORKDAYS working days ago or earlier.
  const calendar = deps.calendar;
  let staleSince = addDays(req.today, -30);
  while (calendar.workdaysBetween(staleSince, req.today) < ACCEPTANCE_STALE_WORKDAYS)
    staleSince = addDays(staleSince, -1);
  const stats = await districtStatisticsRows(db, {
    district: req.district,
    lo,
    hi,
    staleSince,
    today: req.today,
  });
  const byItem = new Map<string, number>();
  for (const items of stats.noticeItems) {
    for (const item of items) byItem.set(item.code, (byItem.get(item.code) ?? 0) + 1);
  }
  const filedCount = stats.filed;
  const determined = stats.determined;
  const { determinationOverdue } = stats;
  return {
    district: req.district,
    asOf: req.today,
    casesByState: Object.fromEntries(stats.byState.map((r) => [r.state, r.n])) as Partial<
      Record<CaseState, number>
    >,
    stateLabels: STATE_LABELS,
    medianWorkdaysToAcceptance: medianOf(stats.acceptance),
    medianWorkdaysToDetermination: medianOf(stats.determination),
    // On time ÷ (made + pending already past their deadline): an overdue case still waiting counts
    // against the rate from the day its deadline passes, not only once it is finally decided (issue 14).
    determinationDeadlinesMet:
      determined + determinationOverdue === 0 ? null : stats.onTime / (determined + determinationOverdue),
    determinations: determined,
    determinationsOnTime: stats.onTime,
    oneTimeNotices: stats.noticeItems.length,
    /** Share of filed cases that received at least one notice item of this kind. */
    oneTimeNoticeRateByItem: Object.fromEntries(
      [...byItem].map(([k, v]) => [k, filedCount === 0 ? 0 : v / filedCount]),
    ),
    /** 等待受理 for 30 working days or more (docs/spec/workflow.md Decision). */
    staleAtCounter: stats.staleAtCounter,
    determinationOverdue,
    reconsiderationOverdue: stats.reconsiderationOverdue,
    urgencyNotesOpen: stats.urgent,
  };
}
