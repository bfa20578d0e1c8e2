/** Rooms and roles, and the life-cycle stories of docs/spec/workflow.md, through transition(). */
import { describe, expect, it } from 'vitest';
import { JifenError } from '../shared/errors.js';
import {
  ACTORS,
  ENGINE_OK,
  HOLIDAY_CALENDAR,
  TODAY,
  apply,
  ctxFor,
  deepFreeze,
  driveTo,
  exampleCommand,
} from './caseFixtures.js';
import { caseHeldBy } from './caseHeldBy.js';
import { initialSnapshot } from './initialSnapshot.js';
import { transition } from './transition.js';
import { COMMAND_TYPES, type Actor, type CaseSnapshot, type Command, type Effect } from './types.js';

function errorOf(f: () => unknown): JifenError {
  try {
    f();
  } catch (e) {
    if (e instanceof JifenError) return e;
    throw e;
  }
  throw new Error('expected a JifenError');
}

const run = (s: CaseSnapshot, cmd: Command, actor: Actor, today = TODAY) =>
  transition(deepFreeze(s), cmd, ctxFor(actor, today));
const ofType = <T extends Effect['type']>(effects: Effect[], type: T) =>
  effects.filter((e): e is Extract<Effect, { type: T }> => e.type === type);

describe('rooms and roles', () => {
  it('an HR user of unit B cannot touch unit A’s case, whatever the command', () => {
    const s = deepFreeze(driveTo('draft'));
    for (const type of COMMAND_TYPES) {
      const e = errorOf(() => transition(s, exampleCommand(type, s), ctxFor(ACTORS.otherHr)));
      expect(e.code).toBe('forbidden');
      expect(e.detail).toMatchObject({ reason: 'room', role: 'employer_hr' });
      // Nothing about the case leaks to someone outside its rooms.
      expect(e.detail.state).toBeUndefined();
    }
  });

  it('an officer of 浦东新区 cannot act on a 闵行 case', () => {
    const submitted = deepFreeze(driveTo('submitted'));
    expect(
      errorOf(() => transition(submitted, exampleCommand('accept', submitted), ctxFor(ACTORS.otherClerk)))
        .code,
    ).toBe('forbidden');
    const review = deepFreeze(driveTo('under_review'));
    expect(
      errorOf(() =>
        transition(review, exampleCommand('record_task_result', review), ctxFor(ACTORS.otherReviewer)),
      ).code,
    ).toBe('forbidden');
    const verified = deepFreeze(driveTo('verified'));
    expect(
      errorOf(() => transition(verified, exampleCommand('determine', verified), ctxFor(ACTORS.otherApprover)))
        .code,
    ).toBe('forbidden');
  });

  it('admin cannot act on a case in any state', () => {
    for (const state of ['new', 'draft', 'submitted', 'verified', 'determined', 'refused'] as const) {
      const s = deepFreeze(driveTo(state));
      for (const type of COMMAND_TYPES) {
        const e = errorOf(() => transition(s, exampleCommand(type, s), ctxFor(ACTORS.admin)));
        expect(e.code).toBe('forbidden');
      }
    }
  });

  it('a holder sees only their own case', () => {
    const s = deepFreeze(driveTo('determined'));
    expect(
      errorOf(() => transition(s, exampleCommand('request_reconsideration', s), ctxFor(ACTORS.otherHolder)))
        .code,
    ).toBe('forbidden');
    expect(
      transition(s, exampleCommand('request_reconsideration', s), ctxFor(ACTORS.holder)).next.reconsideration
        .state,
    ).toBe('district_pending');
  });

  it('a role in the room but not allowed for the command is forbidden, naming the state', () => {
    const s = deepFreeze(driveTo('submitted'));
    const byReviewer = errorOf(() => transition(s, exampleCommand('accept', s), ctxFor(ACTORS.reviewer)));
    expect(byReviewer.code).toBe('forbidden');
    expect(byReviewer.detail).toMatchObject({ reason: 'role', state: 'submitted', command: 'accept' });
    const byHolder = errorOf(() =>
      transition(driveTo('draft'), exampleCommand('submit', driveTo('draft')), ctxFor(ACTORS.holder)),
    );
    expect(byHolder.code).toBe('forbidden');
    const byCity = errorOf(() => transition(s, exampleCommand('accept', s), ctxFor(ACTORS.city)));
    expect(byCity.code).toBe('forbidden');
  });

  it('district reconsideration is decided by the district, city reconsideration by the city', () => {
    let s = driveTo('determined');
    s = apply(s, exampleCommand('request_reconsideration', s), ACTORS.holder);
    expect(errorOf(() => run(s, exampleCommand('decide_reconsideration', s), ACTORS.city)).code).toBe(
      'forbidden',
    );
    s = apply(s, exampleCommand('decide_reconsideration', s), ACTORS.approver);
    s = apply(s, exampleCommand('request_reconsideration', s), ACTORS.hr);
    expect(errorOf(() => run(s, exampleCommand('decide_reconsideration', s), ACTORS.approver)).code).toBe(
      'forbidden',
    );
    expect(run(s, exampleCommand('decide_reconsideration', s), ACTORS.city).next.reconsideration.state).toBe(
      'city_decided',
    );
  });

  it('messages are Chinese and name the state and the command', () => {
    const s = driveTo('draft');
    const e = errorOf(() => run(s, exampleCommand('accept', s), ACTORS.clerk));
    expect(e.message).toBe('案件当前状态为「单位填报中」，不能执行「受理并出具收件凭证」');
  });

  it('rejects a context without a real date', () => {
    const s = driveTo('draft');
    const e = errorOf(() =>
      transition(s, exampleCommand('submit', s), { ...ctxFor(ACTORS.hr), today: '2025-02-30' }),
    );
    expect(e.code).toBe('validation_failed');
  });
});

describe('the life cycle', () => {
  it('filing → one-time notice → resubmission → acceptance: receipt, notice and waiting clock', () => {
    const { hr, clerk } = ACTORS;
    const draft = driveTo('draft');
    const sub = run(draft, exampleCommand('submit', draft), hr);
    expect(sub.next.deadlines).toMatchObject({
      acceptance_reminder: '2025-03-24',
      acceptance_stale: '2025-04-21',
    });
    expect(ofType(sub.effects, 'create_application_form')).toHaveLength(1);
    expect(caseHeldBy(sub.next).party).toBe('acceptance_clerk');

    const back = run(sub.next, exampleCommand('return_with_notice', sub.next), clerk, '2025-03-12');
    expect(back.next.state).toBe('supplement_required');
    expect(back.next.deadlines.acceptance_reminder).toBeUndefined();
    expect(ofType(back.effects, 'create_notice')[0]).toMatchObject({ seq: 1, items: [{ itemId: 'degree' }] });
    expect(caseHeldBy(back.next).party).toBe('employer_hr');

    const again = run(back.next, exampleCommand('resubmit', back.next), hr, '2025-03-14');
    expect(again.next.submittedOn).toBe('2025-03-14');
    expect(again.next.deadlines.acceptance_reminder).toBe('2025-03-28');

    const acc = run(again.next, exampleCommand('accept', again.next), clerk, '2025-03-17');
    expect(acc.next.acceptedOn).toBe('2025-03-17');
    expect(ofType(acc.effects, 'create_receipt')[0]).toMatchObject({ receivedOn: '2025-03-17' });
    expect(ofType(acc.effects, 'set_deadline').map((e) => [e.kind, e.due])).toEqual([
      ['acceptance_reminder', null],
      ['acceptance_stale', null],
    ]);
    const sms = ofType(acc.effects, 'outbox').map((e) => e.messageId);
    expect(sms).toEqual(['case-1:v5:application_accepted:holder', 'case-1:v5:application_accepted:unit']);
  });

  it('a referral after verification pauses the 20-working-day clock and moves the due date', () => {
    const { reviewer, approver } = ACTORS;
    // Verified Friday 2026-02-06 on the official calendar (Spring Festival 2026).
    let s = driveTo('under_review');
    for (const t of s.tasks)
      s = apply(s, { type: 'record_task_result', payload: { taskId: t.id, result: 'passed' } }, reviewer);
    const ver = transition(
      deepFreeze(s),
      { type: 'verify', payload: {} },
      ctxFor(reviewer, '2026-02-06', HOLIDAY_CALENDAR),
    );
    expect(ver.next.deadlines.determination).toBe('2026-03-12');

    const ref = transition(
      deepFreeze(ver.next),
      { type: 'refer_item', payload: { taskId: 't-edu', authority: '市教委学历认证中心' } },
      ctxFor(approver, '2026-02-10', HOLIDAY_CALENDAR),
    );
    expect(ofType(ref.effects, 'pause_deadline')).toEqual([
      { type: 'pause_deadline', kind: 'determination', since: '2026-02-10' },
    ]);
    expect(caseHeldBy(ref.next)).toMatchObject({ party: 'authority', authorities: ['市教委学历认证中心'] });
    expect(
      errorOf(() =>
        transition(
          ref.next,
          exampleCommand('determine', ref.next),
          ctxFor(approver, '2026-02-12', HOLIDAY_CALENDAR),
        ),
      ).detail.guard,
    ).toBe('noOpenReferral');

    // Settled Wednesday 2026-02-25: paused working days in (02-10, 02-25] = 11, 12, 13, 14(调休), 24, 25 = 6.
    const set = transition(
      deepFreeze(ref.next),
      { type: 'settle_referral', payload: { taskId: 't-edu', result: 'passed' } },
      ctxFor(approver, '2026-02-25', HOLIDAY_CALENDAR),
    );
    expect(set.next.pause).toEqual({ since: null, pausedWorkdays: 6 });
    expect(ofType(set.effects, 'close_referral')[0]).toMatchObject({ pausedWorkdays: 6 });
    // 2026-03-12 + 6 working days = 2026-03-20.
    expect(set.next.deadlines.determination).toBe('2026-03-20');

    const det = transition(
      deepFreeze(set.next),
      exampleCommand('determine', set.next),
      ctxFor(approver, '2026-03-20', HOLIDAY_CALENDAR),
    );
    expect(det.next.state).toBe('determined');
    expect(det.effects[0]).toMatchObject({ type: 'audit', detail: { onTime: true } });
    expect(ofType(det.effects, 'create_determination')[0]).toMatchObject({
      seq: 1,
      reason: 'initial',
      rulesAsOf: TODAY,
      points: 130,
      supersedesSeq: null,
    });
  });

  it('overlapping referrals pause once, from the first opened to the last settled', () => {
    const { approver } = ACTORS;
    let s = driveTo('verified'); // verified 2025-03-10, due 2025-04-07
    expect(s.deadlines.determination).toBe('2025-04-07');
    s = apply(
      s,
      { type: 'refer_item', payload: { taskId: 't-edu', authority: 'A' } },
      approver,
      '2025-03-11',
    );
    s = apply(
      s,
      { type: 'refer_item', payload: { taskId: 't-ins', authority: 'B' } },
      approver,
      '2025-03-12',
    );
    s = apply(
      s,
      { type: 'settle_referral', payload: { taskId: 't-edu', result: 'passed' } },
      approver,
      '2025-03-13',
    );
    expect(s.pause.since).toBe('2025-03-11');
    s = apply(
      s,
      { type: 'settle_referral', payload: { taskId: 't-ins', result: 'failed' } },
      approver,
      '2025-03-18',
    );
    // (03-11, 03-18] = 12, 13, 14, 17, 18 = 5 working days.
    expect(s.pause).toEqual({ since: null, pausedWorkdays: 5 });
    expect(s.deadlines.determination).toBe('2025-04-14');
  });

  it('adjustment goes round the cycle; the old determination stays in force and is superseded, never overwritten', () => {
    const { hr, clerk, reviewer, approver } = ACTORS;
    const det = driveTo('determined');
    let s = apply(det, exampleCommand('request_adjustment', det), hr);
    expect(s).toMatchObject({ state: 'draft', cycle: 'adjustment', determination: { seq: 1, points: 130 } });

    // Withdrawing an adjustment returns to the points in force.
    const withdrawn = run(s, exampleCommand('withdraw', s), hr);
    expect(withdrawn.next.state).toBe('determined');
    expect(withdrawn.next.closedOn).toBeNull();

    s = apply(s, exampleCommand('submit', s), hr);
    s = apply(s, exampleCommand('accept', s), clerk, '2025-06-02');
    s = apply(s, exampleCommand('start_review', s), reviewer, '2025-06-02');

    // Refusing an adjustment also returns to the points in force.
    expect(run(s, exampleCommand('refuse', s), reviewer).next).toMatchObject({
      state: 'determined',
      determination: { seq: 1 },
    });

    for (const t of s.tasks)
      s = apply(s, { type: 'record_task_result', payload: { taskId: t.id, result: 'passed' } }, reviewer);
    s = apply(s, exampleCommand('verify', s), reviewer, '2025-06-03');
    const d2 = run(
      s,
      { type: 'determine', payload: { engine: { ...ENGINE_OK, total: 145 } } },
      approver,
      '2025-06-10',
    );
    expect(ofType(d2.effects, 'create_determination')[0]).toMatchObject({
      seq: 2,
      reason: 'adjustment',
      supersedesSeq: 1,
      rulesAsOf: '2025-06-02',
    });
    expect(d2.next.determination).toMatchObject({ seq: 2, points: 145 });
  });

  it('decrease, correction and a changed reconsideration each create a superseding determination', () => {
    let s = driveTo('determined');
    const dec = run(s, exampleCommand('apply_decrease', s), ACTORS.approver);
    expect(ofType(dec.effects, 'create_determination')[0]).toMatchObject({
      seq: 2,
      reason: 'decrease',
      points: 110,
      supersedesSeq: 1,
    });
    s = dec.next;
    const cor = run(s, exampleCommand('correct', s), ACTORS.city);
    expect(ofType(cor.effects, 'create_determination')[0]).toMatchObject({
      seq: 3,
      reason: 'correction',
      supersedesSeq: 2,
    });
    // 由原受理机构告知持证人: the message carries the acceptance district.
    expect(ofType(cor.effects, 'outbox')[0]).toMatchObject({
      template: 'points_corrected',
      params: { district: '闵行' },
    });
    s = apply(cor.next, exampleCommand('request_reconsideration', cor.next), ACTORS.holder, '2025-03-11');
    expect(s.deadlines.reconsideration).toBe('2025-04-08');
    expect(caseHeldBy(s).party).toBe('district_approver');
    const changed = run(
      s,
      {
        type: 'decide_reconsideration',
        payload: { outcome: 'changed', reasons: '学历分值有误', engine: { ...ENGINE_OK, total: 125 } },
      },
      ACTORS.approver,
    );
    expect(ofType(changed.effects, 'create_determination')[0]).toMatchObject({
      seq: 4,
      reason: 'reconsideration_district',
      supersedesSeq: 3,
    });
    expect(changed.next.deadlines.reconsideration).toBeUndefined();
    expect(changed.next.reconsideration.state).toBe('district_decided');
  });

  it('confirmation at 签注 keeps the points and moves the permit dates; then the permit lapses', () => {
    const s = driveTo('determined');
    const conf = run(s, exampleCommand('confirm_at_endorsement', s), ACTORS.system);
    expect(conf.next.determination).toEqual(s.determination);
    expect(ofType(conf.effects, 'record_confirmation')[0]).toMatchObject({
      determinationSeq: 1,
      validUntil: '2028-03-02',
    });
    expect(conf.next.deadlines).toMatchObject({
      permit_expiry_reminder: '2028-02-01',
      permit_expiry: '2028-03-03',
    });

    expect(
      errorOf(() => run(conf.next, { type: 'expire', payload: {} }, ACTORS.system, '2027-03-03')).detail
        .guard,
    ).toBe('permitLapsed');
    const rem = run(
      conf.next,
      { type: 'remind', payload: { kind: 'permit_expiry_reminder' } },
      ACTORS.system,
      '2028-02-01',
    );
    expect(ofType(rem.effects, 'outbox').map((e) => e.recipient.kind)).toEqual(['holder', 'unit']);
    const exp = run(rem.next, { type: 'expire', payload: {} }, ACTORS.system, '2028-03-03');
    expect(exp.next).toMatchObject({ state: 'expired', closedOn: '2028-03-03', deadlines: {} });
  });

  it('urgency notes never move a deadline', () => {
    const s = driveTo('submitted');
    const r = run(s, exampleCommand('attach_urgency_note', s), ACTORS.hr);
    expect(r.next.deadlines).toEqual(s.deadlines);
    expect(ofType(r.effects, 'set_deadline')).toEqual([]);
    expect(r.next.urgency).toEqual({ reason: 'child_zhongkao_gaokao', date: '2027-06-01' });
  });

  it('the sweep reminds the unit, then flags a stale case, each once', () => {
    let s = driveTo('submitted');
    const r1 = run(
      s,
      { type: 'remind', payload: { kind: 'acceptance_reminder' } },
      ACTORS.system,
      '2025-03-24',
    );
    expect(ofType(r1.effects, 'outbox')[0]).toMatchObject({
      channel: 'unit_message',
      template: 'reminder_acceptance_waiting',
    });
    s = r1.next;
    const r2 = run(s, { type: 'remind', payload: { kind: 'acceptance_stale' } }, ACTORS.system, '2025-04-21');
    expect(ofType(r2.effects, 'outbox')[0]).toMatchObject({
      channel: 'dashboard',
      recipient: { kind: 'district', district: '闵行' },
    });
    expect(r2.next.remindersSent).toEqual(['acceptance_reminder@2025-03-24', 'acceptance_stale@2025-04-21']);
  });

  it('a determination overdue shows on the dashboard the day after its last day', () => {
    const s = driveTo('verified'); // due 2025-04-07
    expect(
      errorOf(() =>
        run(s, { type: 'remind', payload: { kind: 'determination_overdue' } }, ACTORS.system, '2025-04-07'),
      ).code,
    ).toBe('invalid_transition');
    const r = run(
      s,
      { type: 'remind', payload: { kind: 'determination_overdue' } },
      ACTORS.system,
      '2025-04-08',
    );
    expect(ofType(r.effects, 'create_reminder')[0]).toMatchObject({
      kind: 'determination_overdue',
      due: '2025-04-07',
    });
  });

  it('the initial snapshot is version 0 in `new`, held by the unit', () => {
    const s = initialSnapshot({
      caseId: 'c',
      holderId: 'h',
      unitId: 'u',
      district: '黄浦',
      permit: { issuedOn: '2025-01-02', validUntil: '2026-01-01' },
    });
    expect(s).toMatchObject({ state: 'new', version: 0, determination: null });
    expect(caseHeldBy(s).party).toBe('employer_hr');
  });
});
