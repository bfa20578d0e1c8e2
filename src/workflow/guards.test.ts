/**
 * Every named guard, failing: the command is refused with `invalid_transition`,
 * the guard is named in `detail.guard`, its Chinese description is in the
 * message, and the snapshot is untouched. A last test checks that this table
 * covers every guard the machine declares.
 */
import { describe, expect, it } from 'vitest';
import { JifenError } from '../shared/errors.js';
import {
  ACTORS,
  CHECKLIST,
  ENGINE_OK,
  PERMIT,
  TODAY,
  apply,
  ctxFor,
  deepFreeze,
  driveTo,
  exampleCommand,
  REQUEST_WITH_FACT,
} from './caseFixtures.js';
import { CASE_MACHINE } from './caseMachine.js';
import { GUARDS, type GuardName } from './guards.js';
import { RECONSIDERATION_MACHINE } from './reconsiderationMachine.js';
import { transition } from './transition.js';
import type { Actor, CaseSnapshot, Command } from './types.js';

interface GuardCase {
  guard: GuardName;
  title: string;
  s: () => CaseSnapshot;
  command: (s: CaseSnapshot) => Command;
  actor: Actor;
  today?: string;
}

const withReferral = (state: 'under_review' | 'verified'): CaseSnapshot => {
  const s = driveTo(state);
  return apply(s, { type: 'refer_item', payload: { taskId: 't-edu', authority: '市教委' } }, ACTORS.reviewer);
};
const pendingReconsideration = (): CaseSnapshot => {
  const s = driveTo('determined');
  return apply(s, exampleCommand('request_reconsideration', s), ACTORS.holder);
};
const precheckFail = { eligible: false, reasons: ['insurance_months_short'], simulatedTotal: 130 };

const CASES: GuardCase[] = [
  {
    guard: 'permitOldEnough',
    title: 'account on the 2nd working day after issue (Wed after a Monday issue)',
    s: () => driveTo('new'),
    command: () => exampleCommand('create_draft', driveTo('new')),
    actor: ACTORS.hr,
    today: '2025-03-05',
  },
  {
    guard: 'permitValid',
    title: 'permit past its last valid day',
    s: () => driveTo('draft'),
    command: (s) => exampleCommand('submit', s),
    actor: ACTORS.hr,
    today: '2027-03-03',
  },
  {
    guard: 'unitMayFile',
    title: 'unit not yet verified by the counter',
    s: () => driveTo('new'),
    command: () => ({ type: 'create_draft', payload: { unitStatus: 'registered' } }),
    actor: ACTORS.hr,
  },
  {
    guard: 'precheckPassed',
    title: 'pre-check lists a reason',
    s: () => driveTo('draft'),
    command: () => ({
      type: 'submit',
      payload: { unitStatus: 'verified', precheck: precheckFail, checklist: [...CHECKLIST] },
    }),
    actor: ACTORS.hr,
  },
  {
    guard: 'checklistPresent',
    title: 'no checklist',
    s: () => driveTo('draft'),
    command: () => ({
      type: 'submit',
      payload: {
        unitStatus: 'verified',
        precheck: { eligible: true, reasons: [], simulatedTotal: 90 },
        checklist: [],
      },
    }),
    actor: ACTORS.hr,
  },
  {
    guard: 'allMaterialsPresent',
    title: 'one item missing at the counter',
    s: () => driveTo('submitted'),
    command: (s) => ({ type: 'accept', payload: { received: s.checklist.slice(1) } }),
    actor: ACTORS.clerk,
  },
  {
    guard: 'noticeComplete',
    title: 'an item without a reason',
    s: () => driveTo('submitted'),
    command: () => ({
      type: 'return_with_notice',
      payload: { items: [{ itemId: 'degree', problem: 'missing', reason: ' ' }] },
    }),
    actor: ACTORS.clerk,
  },
  {
    guard: 'noticeListsOnlyNewItems',
    title: 'second notice objects to the contract, present and passed at the first',
    s: () => {
      const back = driveTo('supplement_required');
      return apply(back, exampleCommand('resubmit', back), ACTORS.hr);
    },
    command: () => ({
      type: 'return_with_notice',
      payload: { items: [{ itemId: 'contract', problem: 'defective', reason: '合同未盖章' }] },
    }),
    actor: ACTORS.clerk,
  },
  {
    guard: 'noticeListsOnlyNewItems',
    title: 'the clerk cannot be their own supervisor',
    s: () => {
      const back = driveTo('supplement_required');
      return apply(back, exampleCommand('resubmit', back), ACTORS.hr);
    },
    command: () => ({
      type: 'return_with_notice',
      payload: {
        items: [{ itemId: 'contract', problem: 'defective', reason: '合同未盖章' }],
        override: { supervisorId: ACTORS.clerk.id, reason: '首次漏看' },
      },
    }),
    actor: ACTORS.clerk,
  },
  {
    guard: 'urgencyNoteValid',
    title: 'reason not on the fixed list',
    s: () => driveTo('submitted'),
    command: () => ({ type: 'attach_urgency_note', payload: { reason: 'vip' as never, date: '2025-06-01' } }),
    actor: ACTORS.hr,
  },
  {
    guard: 'urgencyNoteValid',
    title: 'date in the past',
    s: () => driveTo('submitted'),
    command: () => ({
      type: 'attach_urgency_note',
      payload: { reason: 'child_school_entry', date: '2025-03-01' },
    }),
    actor: ACTORS.hr,
  },
  {
    guard: 'hasReviewTasks',
    title: 'no tasks',
    s: () => driveTo('accepted'),
    command: () => ({ type: 'start_review', payload: { tasks: [] } }),
    actor: ACTORS.reviewer,
  },
  {
    guard: 'taskOpen',
    title: 'unknown task',
    s: () => driveTo('under_review'),
    command: () => ({ type: 'record_task_result', payload: { taskId: 'nope', result: 'passed' } }),
    actor: ACTORS.reviewer,
  },
  {
    guard: 'taskToDo',
    title: 'assigning an unknown task',
    s: () => driveTo('under_review'),
    command: () => ({ type: 'assign_task', payload: { taskId: 'nope', assigneeId: 'reviewer.mh' } }),
    actor: ACTORS.reviewer,
  },
  {
    guard: 'taskReferable',
    title: 'task already referred',
    s: () => withReferral('under_review'),
    command: () => ({ type: 'refer_item', payload: { taskId: 't-edu', authority: '市教委' } }),
    actor: ACTORS.reviewer,
  },
  {
    guard: 'referralOpen',
    title: 'nothing referred',
    s: () => driveTo('under_review'),
    command: () => ({ type: 'settle_referral', payload: { taskId: 't-edu', result: 'passed' } }),
    actor: ACTORS.reviewer,
  },
  {
    guard: 'allTasksSettled',
    title: 'tasks still open',
    s: () => driveTo('under_review'),
    command: () => ({ type: 'verify', payload: {} }),
    actor: ACTORS.reviewer,
  },
  {
    guard: 'noOpenReferral',
    title: 'determining while an item is referred',
    s: () => withReferral('verified'),
    command: () => exampleCommand('determine', driveTo('verified')),
    actor: ACTORS.approver,
  },
  {
    guard: 'refusalReasoned',
    title: 'refusal without a citation',
    s: () => driveTo('under_review'),
    command: () => ({
      type: 'refuse',
      payload: { reasons: [{ code: 'x', text: '不符合条件', citation: '' }] },
    }),
    actor: ACTORS.reviewer,
  },
  {
    guard: 'penaltyWellFormed',
    title: 'unit fined 20 000 CNY (细则 第十四条: 3万–5万)',
    s: () => driveTo('under_review'),
    command: () => ({
      type: 'refuse',
      payload: {
        reasons: [{ code: 'false_material', text: '劳动合同系伪造', citation: '细则 第十四条' }],
        falseMaterial: { party: 'unit', serious: false, reason: '伪造劳动合同', fineCny: 20_000 },
      },
    }),
    actor: ACTORS.reviewer,
  },
  {
    guard: 'wageFiguresFinal',
    title: 'provisional wage figure (rules.md §7)',
    s: () => driveTo('verified'),
    command: () => ({
      type: 'determine',
      payload: { engine: { ...ENGINE_OK, provisional: true, provisionalMonths: ['2026-07'] } },
    }),
    actor: ACTORS.approver,
  },
  {
    guard: 'notVetoed',
    title: 'vetoed applicant',
    s: () => driveTo('verified'),
    command: () => ({ type: 'determine', payload: { engine: { ...ENGINE_OK, vetoed: true } } }),
    actor: ACTORS.approver,
  },
  {
    guard: 'changeHasEngineResult',
    title: 'a changed result without the engine result',
    s: pendingReconsideration,
    command: () => ({
      type: 'decide_reconsideration',
      payload: { outcome: 'changed', reasons: '学历分值有误' },
    }),
    actor: ACTORS.approver,
  },
  {
    guard: 'reconsiderationFactsReviewed',
    title: 'a decision while a fact added in the request is not yet reviewed',
    s: () => apply(driveTo('determined'), REQUEST_WITH_FACT, ACTORS.holder),
    command: () => ({
      type: 'decide_reconsideration',
      payload: { outcome: 'upheld', reasons: '原核定无误' },
    }),
    actor: ACTORS.approver,
  },
  {
    guard: 'reconsiderationFactOpen',
    title: 'a finding when the request added no fact',
    s: pendingReconsideration,
    command: () => ({
      type: 'review_reconsideration_fact',
      payload: { factId: 'fact-1', result: 'accepted', note: '与原件一致' },
    }),
    actor: ACTORS.reviewer,
  },
  {
    guard: 'reconsiderationFactOpen',
    title: 'a finding without a note',
    s: () => apply(driveTo('determined'), REQUEST_WITH_FACT, ACTORS.holder),
    command: () => ({
      type: 'review_reconsideration_fact',
      payload: { factId: 'fact-1', result: 'rejected', note: ' ' },
    }),
    actor: ACTORS.reviewer,
  },
  {
    guard: 'decisionReasoned',
    title: 'decision without reasons',
    s: pendingReconsideration,
    command: () => ({ type: 'decide_reconsideration', payload: { outcome: 'upheld', reasons: '' } }),
    actor: ACTORS.approver,
  },
  {
    guard: 'reasonGiven',
    title: 'adjustment without a reason',
    s: () => driveTo('determined'),
    command: () => ({ type: 'request_adjustment', payload: { reason: '' } }),
    actor: ACTORS.hr,
  },
  {
    guard: 'groundsGiven',
    title: 'reconsideration without grounds',
    s: () => driveTo('determined'),
    command: () => ({ type: 'request_reconsideration', payload: { grounds: '' } }),
    actor: ACTORS.holder,
  },
  {
    guard: 'determinationInForce',
    title: 'a (corrupt) determined snapshot without a determination',
    s: () => ({ ...driveTo('determined'), determination: null }),
    command: () => ({ type: 'correct', payload: { engine: ENGINE_OK, reason: '违规材料' } }),
    actor: ACTORS.city,
  },
  {
    guard: 'pointsDecrease',
    title: 'a "decrease" that does not decrease',
    s: () => driveTo('determined'),
    command: () => ({
      type: 'apply_decrease',
      payload: { engine: { ...ENGINE_OK, total: 130 }, reason: '新增减分记录' },
    }),
    actor: ACTORS.approver,
  },
  {
    guard: 'noOpenReconsideration',
    title: 'adjustment while a reconsideration is pending',
    s: pendingReconsideration,
    command: () => exampleCommand('request_adjustment', driveTo('determined')),
    actor: ACTORS.hr,
  },
  {
    guard: 'endorsementExtends',
    title: 'endorsement that does not extend the permit',
    s: () => driveTo('determined'),
    command: () => ({ type: 'confirm_at_endorsement', payload: { newValidUntil: PERMIT.validUntil } }),
    actor: ACTORS.system,
  },
  {
    guard: 'permitLapsed',
    title: 'expiring on the last valid day',
    s: () => driveTo('determined'),
    command: () => ({ type: 'expire', payload: {} }),
    actor: ACTORS.system,
    today: PERMIT.validUntil,
  },
  {
    guard: 'cancellationReported',
    title: 'cancellation dated in the future',
    s: () => driveTo('determined'),
    command: () => ({ type: 'invalidate', payload: { cancelledOn: '2025-12-31' } }),
    actor: ACTORS.system,
  },
  {
    guard: 'reminderDue',
    title: 'acceptance reminder on the 9th working day',
    s: () => driveTo('submitted'),
    command: () => ({ type: 'remind', payload: { kind: 'acceptance_reminder' } }),
    actor: ACTORS.system,
    today: '2025-03-21',
  },
  {
    guard: 'reminderDue',
    title: 'the same reminder twice',
    s: () =>
      apply(
        driveTo('submitted'),
        { type: 'remind', payload: { kind: 'acceptance_reminder' } },
        ACTORS.system,
        '2025-03-24',
      ),
    command: () => ({ type: 'remind', payload: { kind: 'acceptance_reminder' } }),
    actor: ACTORS.system,
    today: '2025-03-25',
  },
  {
    guard: 'reminderDue',
    title: 'determination overdue while the clock is paused',
    s: () => withReferral('verified'),
    command: () => ({ type: 'remind', payload: { kind: 'determination_overdue' } }),
    actor: ACTORS.system,
    today: '2025-06-30',
  },
];

describe('guards', () => {
  it.each(CASES.map((c) => [c.guard, c.title, c] as const))('%s fails: %s', (guard, _title, c) => {
    const s = deepFreeze(c.s());
    const before = JSON.stringify(s);
    let error: unknown;
    try {
      transition(s, c.command(s), ctxFor(c.actor, c.today ?? TODAY));
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(JifenError);
    const e = error as JifenError;
    expect(e.code).toBe('invalid_transition');
    expect(e.detail.guard).toBe(guard);
    expect(e.message).toContain(GUARDS[guard].description);
    expect(JSON.stringify(s)).toBe(before);
  });

  it('covers every guard the machine uses, and the machine uses every guard', () => {
    const used = new Set<string>(
      [...CASE_MACHINE, ...RECONSIDERATION_MACHINE].flatMap((e) =>
        'guards' in e ? (e.guards as readonly string[]) : [],
      ),
    );
    expect([...used].sort()).toEqual(Object.keys(GUARDS).sort());
    expect([...new Set(CASES.map((c) => c.guard))].sort()).toEqual(Object.keys(GUARDS).sort());
  });

  it('allows the account from the 3rd working day after issue', () => {
    const s = deepFreeze(driveTo('new'));
    // Issued Monday 2025-03-03: Thursday 2025-03-06 is the 3rd working day after.
    expect(transition(s, exampleCommand('create_draft', s), ctxFor(ACTORS.hr, '2025-03-06')).next.state).toBe(
      'draft',
    );
  });

  it('a second notice may repeat what is still missing, and add an item only with a supervisor reason', () => {
    const back = driveTo('supplement_required');
    const again = deepFreeze(apply(back, exampleCommand('resubmit', back), ACTORS.hr));
    const still = transition(again, exampleCommand('return_with_notice', again), ctxFor(ACTORS.clerk));
    expect(still.next.notices.count).toBe(2);
    const withOverride = transition(
      again,
      {
        type: 'return_with_notice',
        payload: {
          items: [{ itemId: 'contract', problem: 'defective', reason: '合同未盖章' }],
          override: { supervisorId: 'chief-mh', reason: '首次告知时漏看了合同盖章' },
        },
      },
      ctxFor(ACTORS.clerk),
    );
    expect(withOverride.effects.find((e) => e.type === 'create_notice')).toMatchObject({
      seq: 2,
      override: { supervisorId: 'chief-mh' },
    });
  });

  it('a total under 120 warns but does not block (workflow.md Decision)', () => {
    const s = deepFreeze(driveTo('draft'));
    const { next, effects } = transition(
      s,
      {
        type: 'submit',
        payload: {
          unitStatus: 'verified',
          precheck: { eligible: true, reasons: [], simulatedTotal: 96 },
          checklist: [...CHECKLIST],
        },
      },
      ctxFor(ACTORS.hr),
    );
    expect(next.state).toBe('submitted');
    expect(effects[0]).toMatchObject({ type: 'audit', detail: { warnings: ['below_standard_score'] } });
  });

  it('a unit fine inside 3万–5万 records the penalty with a 3-year bar when serious', () => {
    const s = deepFreeze(driveTo('under_review'));
    const { next, effects } = transition(
      s,
      {
        type: 'refuse',
        payload: {
          reasons: [{ code: 'false_material', text: '劳动合同系伪造', citation: '细则 第十四条' }],
          falseMaterial: { party: 'unit', serious: true, reason: '伪造劳动合同', fineCny: 50_000 },
        },
      },
      ctxFor(ACTORS.reviewer),
    );
    expect(next.state).toBe('refused');
    expect(effects.find((e) => e.type === 'record_penalty')).toMatchObject({
      party: 'unit',
      subjectId: 'unit-a',
      fineCny: 50_000,
      barredUntil: '2028-03-10',
      decidedBy: ACTORS.reviewer.id,
    });
  });
});
