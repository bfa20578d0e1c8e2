/**
 * 细则 第十条/第十一条 (validity and lapse) and the sweep's reminders. These run
 * as the `system` actor: the sweep, or the registry feed reporting a cancellation.
 */
import {
  ALL_DEADLINES,
  clearDeadlines,
  messageToUnit,
  smsToHolder,
  toDistrictDashboard,
  type Action,
} from './effectBuilders.js';
import { REMINDER_RULES, reminderKey } from './guards.js';
import type { Effect } from './types.js';

/** 细则 第十一条: 签注过期，积分失效. */
export const expireAction: Action<'expire'> = ({ s, ctx, version }) => {
  const cleared = clearDeadlines(s, ALL_DEADLINES);
  return {
    patch: { deadlines: cleared.deadlines, closedOn: ctx.today, urgency: null },
    effects: [
      ...cleared.effects,
      smsToHolder(s, version, 'points_expired', { validUntil: s.permit.validUntil }),
      messageToUnit(s, version, 'points_expired', { validUntil: s.permit.validUntil }),
    ],
  };
};

/** 细则 第十一条: 被注销时，积分自动失效. */
export const invalidateAction: Action<'invalidate'> = ({ s, p, ctx, version }) => {
  const cleared = clearDeadlines(s, ALL_DEADLINES);
  return {
    patch: { deadlines: cleared.deadlines, closedOn: ctx.today, urgency: null },
    effects: [
      ...cleared.effects,
      smsToHolder(s, version, 'points_invalidated', { cancelledOn: p.cancelledOn }),
      messageToUnit(s, version, 'points_invalidated', { cancelledOn: p.cancelledOn }),
    ],
  };
};

/**
 * The sweep's reminders. The key `${kind}@${due}` is stored on the case: with
 * the version check, two sweeps racing raise it once; a new due date (another
 * submission, a renewed permit) is a new reminder.
 */
export const remindAction: Action<'remind'> = ({ s, p, ctx, version }) => {
  const due = s.deadlines[REMINDER_RULES[p.kind].deadline] ?? ctx.today;
  const effects: Effect[] = [
    { type: 'create_reminder', caseId: s.caseId, kind: p.kind, due, raisedOn: ctx.today },
  ];
  switch (p.kind) {
    case 'acceptance_reminder':
      effects.push(
        messageToUnit(s, version, 'reminder_acceptance_waiting', { since: s.submittedOn ?? '', due }),
      );
      break;
    case 'acceptance_stale':
      effects.push(toDistrictDashboard(s, version, 'dashboard_stale', { since: s.submittedOn ?? '' }));
      break;
    case 'determination_overdue':
      effects.push(toDistrictDashboard(s, version, 'dashboard_determination_overdue', { due }));
      break;
    case 'reconsideration_overdue':
      effects.push(toDistrictDashboard(s, version, 'dashboard_reconsideration_overdue', { due }));
      break;
    case 'permit_expiry_reminder':
      effects.push(smsToHolder(s, version, 'reminder_permit_expiry', { validUntil: s.permit.validUntil }));
      effects.push(messageToUnit(s, version, 'reminder_permit_expiry', { validUntil: s.permit.validUntil }));
      break;
  }
  return { patch: { remindersSent: [...s.remindersSent, reminderKey(p.kind, due)] }, effects };
};
