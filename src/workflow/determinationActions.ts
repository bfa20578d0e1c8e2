/**
 * 细则 第七条 核定, 第九条 确认与调整, 第十二条 监督纠正. Every change of points is a
 * new determination (sequence n+1) that supersedes the one in force; none is
 * ever overwritten.
 */
import { permitExpiryReminderOn, permitLapsesOn } from './deadlines.js';
import { clearDeadlines, messageToUnit, setDeadline, smsToHolder, type Action } from './effectBuilders.js';
import { penaltyEffect } from './reviewActions.js';
import type { CaseSnapshot, DeterminationReason, Effect, EngineOutcome, TransitionContext } from './types.js';

/** The new determination: snapshot fields and the request to freeze the engine result. */
export function newDetermination(
  s: CaseSnapshot,
  engine: EngineOutcome,
  reason: DeterminationReason,
  ctx: TransitionContext,
): { patch: Partial<CaseSnapshot>; effect: Effect } {
  const seq = s.determinationCount + 1;
  return {
    patch: { determination: { seq, points: engine.total, on: ctx.today, reason }, determinationCount: seq },
    effect: {
      type: 'create_determination',
      caseId: s.caseId,
      seq,
      reason,
      // docs/spec/rules.md §1: the rules version in force on the acceptance date.
      rulesAsOf: s.acceptedOn ?? ctx.today,
      rulesVersion: engine.rulesVersion,
      points: engine.total,
      supersedesSeq: s.determination?.seq ?? null,
    },
  };
}

/** Permit-validity deadlines (细则 第十条/第十一条): reminder 30 days ahead, lapse the day after. */
function permitDeadlines(
  s: CaseSnapshot,
  validUntil: string,
): { deadlines: CaseSnapshot['deadlines']; effects: Effect[] } {
  const remindOn = permitExpiryReminderOn(validUntil);
  const lapses = permitLapsesOn(validUntil);
  return {
    deadlines: { ...s.deadlines, permit_expiry_reminder: remindOn, permit_expiry: lapses },
    effects: [setDeadline('permit_expiry_reminder', remindOn), setDeadline('permit_expiry', lapses)],
  };
}

const NO_RECONSIDERATION: CaseSnapshot['reconsideration'] = {
  state: 'none',
  requestedOn: null,
  aboutSeq: null,
};

export const determineAction: Action<'determine'> = ({ s, p, ctx, version }) => {
  const reason: DeterminationReason = s.cycle === 'adjustment' ? 'adjustment' : 'initial';
  const d = newDetermination(s, p.engine, reason, ctx);
  const cleared = clearDeadlines(s, ['determination']);
  const onTime = s.deadlines.determination === undefined || ctx.today <= s.deadlines.determination;
  return {
    patch: {
      ...d.patch,
      deadlines: cleared.deadlines,
      reconsideration: { ...NO_RECONSIDERATION },
      urgency: null,
    },
    effects: [
      d.effect,
      ...cleared.effects,
      // 细则 第七条 并告知持证人积分情况: SMS to the holder, message to the unit.
      smsToHolder(s, version, 'determination_made', {
        points: p.engine.total,
        seq: s.determinationCount + 1,
      }),
      messageToUnit(s, version, 'determination_made', { points: p.engine.total }),
    ],
    auditDetail: { onTime, due: s.deadlines.determination ?? null },
  };
};

/**
 * 细则 第九条: 签注时对持证人积分予以确认 — same points, new period (no change
 * without new facts). An endorsement during a first filing cycle only moves the
 * permit dates: there are no points to confirm yet.
 */
export const confirmAtEndorsementAction: Action<'confirm_at_endorsement'> = ({ s, p, ctx, version }) => {
  const permit = permitDeadlines(s, p.newValidUntil);
  const effects: Effect[] = [];
  if (s.determination !== null) {
    effects.push({
      type: 'record_confirmation',
      caseId: s.caseId,
      determinationSeq: s.determination.seq,
      validUntil: p.newValidUntil,
      on: ctx.today,
    });
  }
  effects.push(
    ...permit.effects,
    smsToHolder(s, version, 'points_confirmed', {
      validUntil: p.newValidUntil,
      points: s.determination?.points ?? '',
    }),
  );
  return {
    patch: {
      permit: { issuedOn: s.permit.issuedOn, validUntil: p.newValidUntil },
      deadlines: permit.deadlines,
    },
    effects,
  };
};

/**
 * 细则 第九条: 持证人情况发生变化需要调整积分的，应委托用人单位…提交相关材料. The case
 * goes round the filing cycle again; the determination in force stays in force.
 */
export const requestAdjustmentAction: Action<'request_adjustment'> = ({ p }) => ({
  patch: {
    cycle: 'adjustment',
    checklist: [],
    tasks: [],
    notices: { count: 0, lastItems: [], itemsPassed: [] },
    submittedOn: null,
    acceptedOn: null,
    verifiedOn: null,
    pause: { since: null, pausedWorkdays: 0 },
  },
  effects: [],
  auditDetail: { reason: p.reason },
});

/** 细则 第九条: 积分下降或出现减分项目的…进行扣减，受理机构告知持证人积分变动情况. */
export const applyDecreaseAction: Action<'apply_decrease'> = ({ s, p, ctx, version }) => {
  const d = newDetermination(s, p.engine, 'decrease', ctx);
  return {
    patch: { ...d.patch, reconsideration: { ...NO_RECONSIDERATION } },
    effects: [
      d.effect,
      smsToHolder(s, version, 'points_decreased', { points: p.engine.total }),
      messageToUnit(s, version, 'points_decreased', { points: p.engine.total }),
    ],
    auditDetail: { reason: p.reason },
  };
};

/** 细则 第十二条: 对使用违规材料取得的积分予以纠正，并由原受理机构告知持证人. */
export const correctAction: Action<'correct'> = ({ s, p, ctx, version }) => {
  const d = newDetermination(s, p.engine, 'correction', ctx);
  const effects: Effect[] = [d.effect];
  if (p.falseMaterial) effects.push(penaltyEffect(s, p.falseMaterial, ctx));
  // Sent in the name of the original acceptance district (params.district).
  effects.push(smsToHolder(s, version, 'points_corrected', { points: p.engine.total }));
  effects.push(messageToUnit(s, version, 'points_corrected', { points: p.engine.total }));
  return {
    patch: { ...d.patch, reconsideration: { ...NO_RECONSIDERATION } },
    effects,
    auditDetail: { reason: p.reason },
  };
};
