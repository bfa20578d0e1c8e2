/**
 * The case row's columns are a projection of the machine's snapshot: what the
 * queue, the dashboards and the sweep read without parsing JSON. Computed in one
 * place, on every command, so the two can never disagree.
 */
import { addDays } from '../../shared/dates.js';
import type { CasePatch, Role as StorageRole } from '../../storage/schema.js';
import {
  caseHeldBy,
  REMINDER_RULES,
  reminderKey,
  TERMINAL_STATES,
  type CaseSnapshot,
  type DeadlineKind,
  type ReminderKind,
} from '../../workflow/index.js';

/** The deadline shown with the case (working-day due date), by state. */
export function displayedDeadline(s: CaseSnapshot): { kind: DeadlineKind; due: string } | null {
  const pick = (kind: DeadlineKind) => (s.deadlines[kind] ? { kind, due: s.deadlines[kind] } : null);
  if (s.state === 'verified') return pick('determination');
  if (s.state === 'submitted') return pick('acceptance_reminder');
  if (
    s.state === 'determined' &&
    (s.reconsideration.state === 'district_pending' || s.reconsideration.state === 'city_pending')
  )
    return pick('reconsideration');
  return null;
}

/** What the sweep may have to do for this case, and from which day (null: nothing ever). */
export function sweepAgenda(s: CaseSnapshot): { on: string; what: ReminderKind | 'permit_expiry' }[] {
  if ((TERMINAL_STATES as readonly string[]).includes(s.state) || s.state === 'new') return [];
  const out: { on: string; what: ReminderKind | 'permit_expiry' }[] = [];
  for (const [kind, rule] of Object.entries(REMINDER_RULES) as [
    ReminderKind,
    (typeof REMINDER_RULES)[ReminderKind],
  ][]) {
    const due = s.deadlines[rule.deadline];
    if (due === undefined) continue;
    if (rule.deadline === 'determination' && s.pause.since !== null) continue;
    if (s.remindersSent.includes(reminderKey(kind, due))) continue;
    out.push({ on: rule.when === 'reached' ? due : addDays(due, 1), what: kind });
  }
  if (s.deadlines.permit_expiry) out.push({ on: s.deadlines.permit_expiry, what: 'permit_expiry' });
  return out.sort((a, b) => (a.on < b.on ? -1 : a.on > b.on ? 1 : 0));
}

export function nextSweepOn(s: CaseSnapshot): string | null {
  return sweepAgenda(s)[0]?.on ?? null;
}

/**
 * `holder_role` is constrained to the user roles of migration 0001: a case that
 * nobody has to act on (points in force, closed) is shown as the holder's, and a
 * referred case as the reviewer's who referred it; `held_by` carries the real label.
 */
function holderRoleOf(s: CaseSnapshot): StorageRole {
  const h = caseHeldBy(s);
  if (h.party === null) return 'holder';
  if (h.party === 'authority') return s.state === 'verified' ? 'district_approver' : 'district_reviewer';
  if (h.party === 'system') return 'holder';
  return h.party;
}

type Stamped = 'submittedAt' | 'acceptedAt' | 'verifiedAt' | 'closedAt';
const STAMPS: [Stamped, (s: CaseSnapshot) => string | null][] = [
  ['submittedAt', (s) => s.submittedOn],
  ['acceptedAt', (s) => s.acceptedOn],
  ['verifiedAt', (s) => s.verifiedOn],
  ['closedAt', (s) => s.closedOn],
];

/**
 * The projection written with every command (the version is bumped by the
 * repository). Instants are stamped when their date changes in the snapshot, so
 * the queue orders cases submitted on the same day by the minute they came in.
 */
export function columnsOf(
  next: CaseSnapshot,
  previous: CaseSnapshot | null,
  previousRow: Partial<Record<Stamped, string | null>>,
  now: string,
): CasePatch {
  const due = displayedDeadline(next);
  const stamps: Partial<Record<Stamped, string | null>> = {};
  for (const [column, dateOf] of STAMPS) {
    const date = dateOf(next);
    stamps[column] =
      date === null
        ? null
        : previous !== null && dateOf(previous) === date
          ? (previousRow[column] ?? now)
          : now;
  }
  return {
    state: next.state as CasePatch['state'],
    holderRole: holderRoleOf(next),
    heldBy: caseHeldBy(next).label,
    acceptanceDate: next.acceptedOn,
    dueDate: due?.due ?? null,
    dueKind: due?.kind ?? null,
    pausedSince: next.pause.since,
    pausedDays: next.pause.pausedWorkdays,
    ...stamps,
    urgencyReason: next.urgency?.reason ?? null,
    urgencyDate: next.urgency?.date ?? null,
    nextSweepOn: nextSweepOn(next),
  };
}
