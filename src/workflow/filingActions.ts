/**
 * Filing: the unit creates the points account, fills and submits the form
 * (细则 第三条), withdraws it, resubmits after a one-time notice, and may tell
 * the counter why the case is urgent.
 */
import {
  acceptanceReminderOn,
  acceptanceStaleOn,
  permitExpiryReminderOn,
  permitLapsesOn,
} from './deadlines.js';
import {
  ACCEPTANCE_DEADLINES,
  ALL_DEADLINES,
  clearDeadlines,
  messageToUnit,
  setDeadline,
  smsToHolder,
  type Action,
  type ActionInput,
} from './effectBuilders.js';
import type { CaseSnapshot, Effect } from './types.js';

/** docs/spec/rules.md §2: the standard score. Below it the unit is warned, not blocked (docs/spec/workflow.md Decision). */
export const STANDARD_SCORE = 120;

/** 细则 第十条/第十一条: the case lives as long as the permit; both its dates are stored from day one. */
export const createDraftAction: Action<'create_draft'> = ({ s, ctx, version }) => {
  const remindOn = permitExpiryReminderOn(s.permit.validUntil);
  const lapses = permitLapsesOn(s.permit.validUntil);
  return {
    patch: {
      cycle: 'initial',
      deadlines: { ...s.deadlines, permit_expiry_reminder: remindOn, permit_expiry: lapses },
    },
    effects: [
      setDeadline('permit_expiry_reminder', remindOn),
      setDeadline('permit_expiry', lapses),
      smsToHolder(s, version, 'account_created', { on: ctx.today }),
    ],
  };
};

/** Entering 等待受理: the waiting clock (re)starts and its reminders are scheduled. */
function enterWaiting(
  { s, ctx }: ActionInput<'submit' | 'resubmit'>,
  checklist: string[],
): { patch: Partial<CaseSnapshot>; effects: Effect[] } {
  const remindOn = acceptanceReminderOn(ctx.calendar, ctx.today);
  const staleOn = acceptanceStaleOn(ctx.calendar, ctx.today);
  return {
    patch: {
      submittedOn: ctx.today,
      checklist: [...checklist],
      deadlines: { ...s.deadlines, acceptance_reminder: remindOn, acceptance_stale: staleOn },
    },
    effects: [setDeadline('acceptance_reminder', remindOn), setDeadline('acceptance_stale', staleOn)],
  };
}

export const submitAction: Action<'submit'> = (input) => {
  const { s, p, version, ctx } = input;
  const waiting = enterWaiting(input, p.checklist);
  const warnings = p.precheck.simulatedTotal < STANDARD_SCORE ? ['below_standard_score'] : [];
  return {
    // A submission from draft starts a fresh acceptance cycle: no notices yet.
    patch: {
      ...waiting.patch,
      notices: { count: 0, lastItems: [], itemsPassed: [] },
      tasks: [],
      acceptedOn: null,
      verifiedOn: null,
    },
    effects: [
      { type: 'create_application_form', caseId: s.caseId, version },
      ...waiting.effects,
      smsToHolder(s, version, 'application_submitted', { on: ctx.today }),
    ],
    auditDetail: { warnings, simulatedTotal: p.precheck.simulatedTotal },
  };
};

export const resubmitAction: Action<'resubmit'> = (input) => {
  const { s, version, ctx, p } = input;
  const waiting = enterWaiting(input, p.checklist);
  return {
    patch: waiting.patch,
    effects: [
      ...waiting.effects,
      smsToHolder(s, version, 'application_submitted', { on: ctx.today, resubmission: 1 }),
    ],
  };
};

/**
 * Before acceptance only. Withdrawing a first application closes the case;
 * withdrawing an adjustment returns to the determination still in force.
 */
export const withdrawAction: Action<'withdraw'> = ({ s, ctx, version, to }) => {
  const closing = to === 'withdrawn';
  const cleared = clearDeadlines(s, closing ? ALL_DEADLINES : ACCEPTANCE_DEADLINES);
  return {
    patch: { deadlines: cleared.deadlines, closedOn: closing ? ctx.today : s.closedOn, urgency: null },
    effects: [
      ...cleared.effects,
      smsToHolder(s, version, 'application_withdrawn'),
      messageToUnit(s, version, 'application_withdrawn'),
    ],
  };
};

/** docs/spec/workflow.md Decision: visible to clerks and reviewers; never changes a deadline. */
export const attachUrgencyNoteAction: Action<'attach_urgency_note'> = ({ s, p }) => ({
  patch: { urgency: { reason: p.reason, date: p.date } },
  effects: [
    { type: 'record_urgency_note', caseId: s.caseId, reason: p.reason, date: p.date, text: p.text ?? null },
  ],
});

/**
 * 细则 第三条: the unit fills the form until it submits it; after a one-time notice it
 * may correct what it claims before resubmitting. The claims are rows (use case);
 * the machine records which indicators are claimed, so the audit shows the edit.
 */
export const updateClaimsAction: Action<'update_claims'> = () => ({ patch: {}, effects: [] });
