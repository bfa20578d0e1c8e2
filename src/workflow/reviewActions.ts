/**
 * 细则 第六条（材料审核）: review tasks per claimed indicator, referral of doubtful
 * material to a competent authority, then verification (审核属实) or refusal.
 */
import { addYears } from '../shared/dates.js';
import { determinationDue, pausedWorkdays } from './deadlines.js';
import {
  ALL_DEADLINES,
  clearDeadlines,
  messageToUnit,
  setDeadline,
  smsToHolder,
  type Action,
} from './effectBuilders.js';
import type { CaseSnapshot, Effect, PenaltyInput, ReviewTask, TransitionContext } from './types.js';

export const startReviewAction: Action<'start_review'> = ({ s, p }) => ({
  patch: {
    tasks: p.tasks.map((t) => ({ id: t.id, indicator: t.indicator, status: 'open', referredTo: null })),
  },
  effects: [{ type: 'create_review_tasks', caseId: s.caseId, tasks: p.tasks.map((t) => ({ ...t })) }],
});

const withTask = (tasks: readonly ReviewTask[], id: string, change: Partial<ReviewTask>): ReviewTask[] =>
  tasks.map((t) => (t.id === id ? { ...t, ...change } : { ...t }));

export const recordTaskResultAction: Action<'record_task_result'> = ({ s, p }) => ({
  patch: { tasks: withTask(s.tasks, p.taskId, { status: p.result }) },
  effects: [
    { type: 'record_task_result', caseId: s.caseId, taskId: p.taskId, result: p.result, via: 'review' },
  ],
});

/**
 * While at least one item is referred the case is held by the authority and,
 * once verified, the 20-working-day clock is paused (`pause.since`).
 */
export const referItemAction: Action<'refer_item'> = ({ s, p, ctx, version }) => {
  const effects: Effect[] = [
    { type: 'create_referral', caseId: s.caseId, taskId: p.taskId, authority: p.authority, since: ctx.today },
  ];
  const startsPause = s.pause.since === null;
  if (startsPause && s.state === 'verified')
    effects.push({ type: 'pause_deadline', kind: 'determination', since: ctx.today });
  effects.push(smsToHolder(s, version, 'referral_opened', { authority: p.authority }));
  return {
    patch: {
      tasks: withTask(s.tasks, p.taskId, { status: 'referred', referredTo: p.authority }),
      pause: { since: startsPause ? ctx.today : s.pause.since, pausedWorkdays: s.pause.pausedWorkdays },
    },
    effects,
  };
};

export const settleReferralAction: Action<'settle_referral'> = ({ s, p, ctx }) => {
  const tasks = withTask(s.tasks, p.taskId, { status: p.result, referredTo: null });
  const stillReferred = tasks.some((t) => t.status === 'referred');
  const since = s.pause.since ?? ctx.today;
  const added = stillReferred ? 0 : pausedWorkdays(ctx.calendar, since, ctx.today);
  const pause = stillReferred
    ? { ...s.pause }
    : { since: null, pausedWorkdays: s.pause.pausedWorkdays + added };
  const effects: Effect[] = [
    { type: 'close_referral', caseId: s.caseId, taskId: p.taskId, until: ctx.today, pausedWorkdays: added },
    { type: 'record_task_result', caseId: s.caseId, taskId: p.taskId, result: p.result, via: 'referral' },
  ];
  let deadlines = s.deadlines;
  if (!stillReferred && s.state === 'verified' && s.verifiedOn !== null) {
    // 细则 第七条 clock resumes: the due date moves by the working days paused.
    const due = determinationDue(ctx.calendar, s.verifiedOn, pause.pausedWorkdays);
    deadlines = { ...s.deadlines, determination: due };
    effects.push(setDeadline('determination', due));
  }
  return {
    patch: { tasks, pause, deadlines: { ...deadlines } },
    effects,
    auditDetail: { pausedWorkdays: added },
  };
};

/** 细则 第七条: 审核属实的，20个工作日内进行积分核定 — the due date is stored and shown. */
export const verifyAction: Action<'verify'> = ({ s, ctx, version }) => {
  const due = determinationDue(ctx.calendar, ctx.today, 0);
  return {
    patch: {
      verifiedOn: ctx.today,
      pause: { since: null, pausedWorkdays: 0 },
      deadlines: { ...s.deadlines, determination: due },
    },
    effects: [
      setDeadline('determination', due),
      smsToHolder(s, version, 'application_verified', { due }),
      messageToUnit(s, version, 'application_verified', { due }),
    ],
    auditDetail: { determinationDue: due },
  };
};

/** 细则 第十四条: the penalty record of a false-material finding. */
export function penaltyEffect(s: CaseSnapshot, f: PenaltyInput, ctx: TransitionContext): Effect {
  return {
    type: 'record_penalty',
    caseId: s.caseId,
    party: f.party,
    subjectId: f.party === 'unit' ? s.unitId : s.holderId,
    serious: f.serious,
    reason: f.reason,
    fineCny: f.fineCny ?? null,
    // 情节严重的，3年内不得申请积分 / 不得代办积分申请.
    barredUntil: f.serious ? addYears(ctx.today, 3) : null,
    decidedOn: ctx.today,
    decidedBy: ctx.actor.id,
  };
}

/**
 * A first application refused closes the case. An adjustment refused returns
 * to the determination still in force (the old points are not touched here; a
 * false finding about them goes through correction by the city, 细则 第十二条).
 */
export const refuseAction: Action<'refuse'> = ({ s, p, ctx, version, to }) => {
  const closing = to === 'refused';
  const cleared = clearDeadlines(s, closing ? ALL_DEADLINES : ['determination']);
  const effects: Effect[] = [
    { type: 'create_refusal', caseId: s.caseId, reasons: p.reasons.map((r) => ({ ...r })) },
    ...cleared.effects,
  ];
  if (p.falseMaterial) effects.push(penaltyEffect(s, p.falseMaterial, ctx));
  effects.push(
    smsToHolder(s, version, 'application_refused'),
    messageToUnit(s, version, 'application_refused'),
  );
  return {
    patch: {
      deadlines: cleared.deadlines,
      closedOn: closing ? ctx.today : s.closedOn,
      pause: { since: null, pausedWorkdays: s.pause.pausedWorkdays },
      urgency: null,
    },
    effects,
  };
};

/** Work distribution (issue 15): who is to review a task; never changes a result or a deadline. */
export const assignTaskAction: Action<'assign_task'> = ({ s, p }) => ({
  patch: {},
  effects: [{ type: 'assign_task', caseId: s.caseId, taskId: p.taskId, assigneeId: p.assigneeId }],
});
