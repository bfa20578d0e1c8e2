/**
 * Test fixtures for the case machine (used by the tests beside it and usable by
 * the use-case layer's tests): a cast of actors, a case driven into every state
 * through the machine itself, and a valid example command per command type.
 */
import { fakeWorkdayCalendar, monFriCalendar } from './fakeWorkdayCalendar.js';
import { initialSnapshot } from './initialSnapshot.js';
import { transition } from './transition.js';
import type {
  CommandOf,
  Actor,
  CaseSnapshot,
  CaseState,
  Command,
  CommandType,
  EngineOutcome,
  TransitionContext,
} from './types.js';
import type { WorkdayCalendar } from './WorkdayCalendar.js';

export const DISTRICT = '闵行';
export const OTHER_DISTRICT = '浦东新区';

export const ACTORS = {
  holder: { id: 'holder-1', role: 'holder' },
  otherHolder: { id: 'holder-2', role: 'holder' },
  hr: { id: 'hr-a', role: 'employer_hr', unitId: 'unit-a' },
  otherHr: { id: 'hr-b', role: 'employer_hr', unitId: 'unit-b' },
  clerk: { id: 'clerk-mh', role: 'acceptance_clerk', district: DISTRICT },
  otherClerk: { id: 'clerk-pd', role: 'acceptance_clerk', district: OTHER_DISTRICT },
  reviewer: { id: 'reviewer-mh', role: 'district_reviewer', district: DISTRICT },
  otherReviewer: { id: 'reviewer-pd', role: 'district_reviewer', district: OTHER_DISTRICT },
  approver: { id: 'approver-mh', role: 'district_approver', district: DISTRICT },
  otherApprover: { id: 'approver-pd', role: 'district_approver', district: OTHER_DISTRICT },
  city: { id: 'city-1', role: 'city_supervisor' },
  admin: { id: 'admin-1', role: 'admin' },
  system: { id: 'sweep', role: 'system' },
} as const satisfies Record<string, Actor>;

/** Permit issued on a Monday; the case is filed a week later. */
export const PERMIT = { issuedOn: '2025-03-03', validUntil: '2027-03-02' };
export const TODAY = '2025-03-10';
/** A day when the permit-expiry reminder is due (validUntil − 30 days = 2027-01-31). */
export const REMINDER_DAY = '2027-02-01';
/** The first day after the permit's last valid day. */
export const LAPSE_DAY = '2027-03-03';

export const CHECKLIST = ['permit', 'application_form', 'identity', 'contract', 'licence', 'degree'];
export const TASKS = [
  { id: 't-edu', indicator: 'education' },
  { id: 't-ins', indicator: 'insurance_base' },
];
export const ENGINE_OK: EngineOutcome = {
  total: 130,
  rulesVersion: 'v2023',
  provisional: false,
  vetoed: false,
};

export function newCase(): CaseSnapshot {
  return initialSnapshot({
    caseId: 'case-1',
    holderId: ACTORS.holder.id,
    unitId: 'unit-a',
    district: DISTRICT,
    permit: { ...PERMIT },
  });
}

export function ctxFor(
  actor: Actor,
  today = TODAY,
  calendar: WorkdayCalendar = monFriCalendar,
): TransitionContext {
  return { now: `${today}T02:00:00.000Z`, today, actor, calendar };
}

export function apply(s: CaseSnapshot, command: Command, actor: Actor, today = TODAY): CaseSnapshot {
  return transition(s, command, ctxFor(actor, today)).next;
}

const precheckOk = { eligible: true, reasons: [], simulatedTotal: 130 };

/** A valid command of each type for a snapshot that is ready for it. */
export function exampleCommand(type: CommandType, s: CaseSnapshot): Command {
  const firstTask = (status: string): string => s.tasks.find((t) => t.status === status)?.id ?? 't-edu';
  switch (type) {
    case 'create_draft':
      return { type, payload: { unitStatus: 'verified' } };
    case 'submit':
      return { type, payload: { unitStatus: 'verified', precheck: precheckOk, checklist: [...CHECKLIST] } };
    case 'withdraw':
      return { type, payload: { reason: '单位撤回' } };
    case 'accept':
      return { type, payload: { received: [...s.checklist] } };
    case 'return_with_notice':
      return {
        type,
        payload: { items: [{ itemId: 'degree', problem: 'missing', reason: '未带学位证书原件' }] },
      };
    case 'resubmit':
      return { type, payload: { precheck: precheckOk, checklist: [...CHECKLIST] } };
    case 'attach_urgency_note':
      return { type, payload: { reason: 'child_zhongkao_gaokao', date: '2027-06-01' } };
    case 'update_claims':
      return { type, payload: { indicators: ['education', 'award'] } };
    case 'assign_task':
      return { type, payload: { taskId: firstTask('open'), assigneeId: 'reviewer.mh' } };
    case 'start_review':
      return { type, payload: { tasks: TASKS.map((t) => ({ ...t })) } };
    case 'record_task_result':
      return { type, payload: { taskId: firstTask('open'), result: 'passed' } };
    case 'refer_item':
      return {
        type,
        payload: {
          taskId: s.tasks.find((t) => t.status !== 'referred')?.id ?? 't-edu',
          authority: '市教委学历认证中心',
        },
      };
    case 'settle_referral':
      return { type, payload: { taskId: firstTask('referred'), result: 'passed' } };
    case 'verify':
      return { type, payload: {} };
    case 'refuse':
      return {
        type,
        payload: {
          reasons: [{ code: 'insurance_months', text: '社保缴费不满6个月', citation: '细则 第二条' }],
        },
      };
    case 'determine':
      return { type, payload: { engine: { ...ENGINE_OK } } };
    case 'confirm_at_endorsement':
      return { type, payload: { newValidUntil: '2028-03-02' } };
    case 'request_adjustment':
      return { type, payload: { reason: '取得硕士学位' } };
    case 'apply_decrease':
      return {
        type,
        payload: {
          engine: { ...ENGINE_OK, total: (s.determination?.points ?? 130) - 20 },
          reason: '新增减分记录',
        },
      };
    case 'correct':
      return { type, payload: { engine: { ...ENGINE_OK, total: 110 }, reason: '学历证书系违规材料' } };
    case 'expire':
      return { type, payload: {} };
    case 'invalidate':
      return { type, payload: { cancelledOn: TODAY } };
    case 'request_reconsideration':
      return { type, payload: { grounds: '学历分值计算有误' } };
    case 'review_reconsideration_fact':
      return { type, payload: { factId: 'fact-1', result: 'accepted', note: '与证书原件一致' } };
    case 'decide_reconsideration':
      return { type, payload: { outcome: 'upheld', reasons: '经复核，原核定无误' } };
    case 'remind':
      return { type, payload: { kind: 'permit_expiry_reminder' } };
  }
}

/** A reconsideration request that adds a fact to be reviewed (issue 15). */
export const REQUEST_WITH_FACT: CommandOf<'request_reconsideration'> = {
  type: 'request_reconsideration',
  payload: {
    grounds: '中级职称在申请时漏报',
    facts: [{ indicator: 'qualification', detail: {}, statement: '已取得中级职称' }],
  },
};

/** A case in each state, reached through the machine along the usual path. */
export function driveTo(state: CaseState): CaseSnapshot {
  const { hr, clerk, reviewer, approver, system } = ACTORS;
  const step = (s: CaseSnapshot, type: CommandType, actor: Actor, today = TODAY): CaseSnapshot =>
    apply(s, exampleCommand(type, s), actor, today);
  const s0 = newCase();
  if (state === 'new') return s0;
  const draft = step(s0, 'create_draft', hr);
  if (state === 'draft') return draft;
  if (state === 'withdrawn') return step(draft, 'withdraw', hr);
  const submitted = step(draft, 'submit', hr);
  if (state === 'submitted') return submitted;
  if (state === 'supplement_required') return step(submitted, 'return_with_notice', clerk);
  const accepted = step(submitted, 'accept', clerk);
  if (state === 'accepted') return accepted;
  const review = step(accepted, 'start_review', reviewer);
  if (state === 'under_review') return review;
  if (state === 'refused') return step(review, 'refuse', reviewer);
  const verified = step(
    step(step(review, 'record_task_result', reviewer), 'record_task_result', reviewer),
    'verify',
    reviewer,
  );
  if (state === 'verified') return verified;
  const determined = step(verified, 'determine', approver);
  if (state === 'determined') return determined;
  if (state === 'expired') return step(determined, 'expire', system, LAPSE_DAY);
  return step(determined, 'invalidate', system);
}

/** The calendar with the 2025 National Day and 2026 Spring Festival arrangements (国务院办公厅通知). */
export const HOLIDAY_CALENDAR: WorkdayCalendar = fakeWorkdayCalendar({
  holidays: [
    '2025-10-01',
    '2025-10-02',
    '2025-10-03',
    '2025-10-04',
    '2025-10-05',
    '2025-10-06',
    '2025-10-07',
    '2025-10-08',
    '2026-01-01',
    '2026-01-02',
    '2026-01-03',
    '2026-02-15',
    '2026-02-16',
    '2026-02-17',
    '2026-02-18',
    '2026-02-19',
    '2026-02-20',
    '2026-02-21',
    '2026-02-22',
    '2026-02-23',
  ],
  makeupWorkdays: ['2025-09-28', '2025-10-11', '2026-01-04', '2026-02-14', '2026-02-28'],
});

/** Freezes a value and everything reachable from it, so that any mutation throws. */
export function deepFreeze<T>(value: T): T {
  if (value !== null && typeof value === 'object' && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const v of Object.values(value as Record<string, unknown>)) deepFreeze(v);
  }
  return value;
}

/** The in-room actor of the case fixture for each role (admin has no room). */
export const ACTOR_OF_ROLE: Record<Exclude<Actor['role'], 'admin'>, Actor> = {
  holder: ACTORS.holder,
  employer_hr: ACTORS.hr,
  acceptance_clerk: ACTORS.clerk,
  district_reviewer: ACTORS.reviewer,
  district_approver: ACTORS.approver,
  city_supervisor: ACTORS.city,
  system: ACTORS.system,
};
