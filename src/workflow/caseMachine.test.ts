/**
 * The table test generated from the declaration: every (state, command) pair.
 * Allowed pairs reach the declared target with the declared effects, for every
 * role allowed; all other pairs fail with `invalid_transition` for every actor
 * who stands in the case's rooms, and change nothing.
 */
import { describe, expect, it } from 'vitest';
import { JifenError } from '../shared/errors.js';
import {
  ACTOR_OF_ROLE,
  ACTORS,
  LAPSE_DAY,
  REMINDER_DAY,
  TODAY,
  apply,
  ctxFor,
  deepFreeze,
  driveTo,
  exampleCommand,
  REQUEST_WITH_FACT,
} from './caseFixtures.js';
import { CASE_MACHINE, TERMINAL_STATES, findCaseTransition, isRegionDelegation } from './caseMachine.js';
import { RECONSIDERATION_MACHINE } from './reconsiderationMachine.js';
import type { AnyTransitionDef } from './TransitionDef.js';
import { transition } from './transition.js';
import {
  CASE_STATES,
  COMMAND_TYPES,
  RECONSIDERATION_STATES,
  type Actor,
  type CaseSnapshot,
  type CaseState,
  type CommandType,
  type ReconsiderationState,
} from './types.js';

/** Brings a fixture into the condition the command needs, without leaving its state. */
function prepare(state: CaseState, command: CommandType): { s: CaseSnapshot; today: string } {
  let s = driveTo(state);
  let today = TODAY;
  if (command === 'settle_referral') s = apply(s, exampleCommand('refer_item', s), ACTORS.reviewer);
  if (command === 'decide_reconsideration')
    s = apply(s, exampleCommand('request_reconsideration', s), ACTORS.holder);
  if (command === 'review_reconsideration_fact') s = apply(s, REQUEST_WITH_FACT, ACTORS.holder);
  if (command === 'verify') {
    while (s.tasks.some((t) => t.status === 'open'))
      s = apply(s, exampleCommand('record_task_result', s), ACTORS.reviewer);
  }
  if (command === 'remind') today = REMINDER_DAY;
  if (command === 'expire') today = LAPSE_DAY;
  return { s, today };
}

function expectedTarget(def: AnyTransitionDef<CaseState>, s: CaseSnapshot): CaseState {
  const t = def.target;
  return t === 'stay' ? s.state : typeof t === 'string' ? t : t.resolve(s);
}

function catchError(f: () => unknown): JifenError {
  try {
    f();
  } catch (e) {
    if (e instanceof JifenError) return e;
    throw e;
  }
  throw new Error('expected a JifenError');
}

const IN_ROOM_ACTORS: Actor[] = Object.values(ACTOR_OF_ROLE);

describe('the declaration', () => {
  it('declares each (state, command) pair at most once', () => {
    for (const state of CASE_STATES) {
      for (const command of COMMAND_TYPES) {
        expect(
          CASE_MACHINE.filter((e) => e.command === command && e.from.includes(state)).length,
        ).toBeLessThanOrEqual(1);
      }
    }
    for (const state of RECONSIDERATION_STATES) {
      for (const command of COMMAND_TYPES) {
        expect(
          RECONSIDERATION_MACHINE.filter((e) => e.command === command && e.from.includes(state)).length,
        ).toBeLessThanOrEqual(1);
      }
    }
  });

  it('lets nothing happen in a terminal state, and admin nowhere', () => {
    for (const state of TERMINAL_STATES)
      expect(CASE_MACHINE.filter((e) => e.from.includes(state))).toEqual([]);
    const allowances = [...CASE_MACHINE, ...RECONSIDERATION_MACHINE].flatMap((e) =>
      'allow' in e ? e.allow : [],
    );
    expect(allowances.map((a) => a.role as string)).not.toContain('admin');
  });

  it('uses every command somewhere', () => {
    for (const command of COMMAND_TYPES) expect(CASE_MACHINE.some((e) => e.command === command)).toBe(true);
  });
});

describe.each(CASE_STATES.map((s) => [s]))('state %s', (state) => {
  for (const command of COMMAND_TYPES) {
    const entry = findCaseTransition(state, command);
    if (entry === undefined) {
      it(`${command} is not allowed: invalid_transition for everyone in the room, nothing changes`, () => {
        const s = deepFreeze(driveTo(state));
        const before = JSON.stringify(s);
        for (const actor of IN_ROOM_ACTORS) {
          const e = catchError(() => transition(s, exampleCommand(command, s), ctxFor(actor)));
          expect(e.code, `${actor.role}`).toBe('invalid_transition');
          expect(e.detail).toMatchObject({ state, command });
          expect(e.detail.guard).toBeUndefined();
          expect(e.message).toContain('不能执行');
        }
        expect(JSON.stringify(s)).toBe(before);
      });
      continue;
    }
    if (isRegionDelegation(entry)) {
      it(`${command} is handed to the reconsideration region`, () => {
        const { s: raw, today } = prepare(state, command);
        const s = deepFreeze(raw);
        const def = RECONSIDERATION_MACHINE.find(
          (d) => d.command === command && d.from.includes(s.reconsideration.state),
        );
        expect(def).toBeDefined();
        const actor = ACTOR_OF_ROLE[def!.allow[0]!.role];
        const { next } = transition(s, exampleCommand(command, s), ctxFor(actor, today));
        expect(next.state).toBe(state);
        expect(next.reconsideration.state).toBe(def!.target);
      });
      continue;
    }
    const def = entry;
    for (const allowance of def.allow) {
      it(`${command} by ${allowance.role} (${allowance.room}) → declared target and effects`, () => {
        const { s: raw, today } = prepare(state, command);
        const s = deepFreeze(raw);
        const before = JSON.stringify(s);
        const cmd = deepFreeze(exampleCommand(command, s));
        const { next, effects } = transition(s, cmd, ctxFor(ACTOR_OF_ROLE[allowance.role], today));

        expect(next.state).toBe(expectedTarget(def, s));
        expect(next.version).toBe(s.version + 1);
        expect(JSON.stringify(s)).toBe(before);

        const types = effects.map((e) => e.type);
        expect(types[0]).toBe('audit');
        expect(effects[0]).toMatchObject({
          caseId: s.caseId,
          version: s.version + 1,
          command,
          from: state,
          to: next.state,
        });
        for (const t of def.effects) expect(types, `always emits ${t}`).toContain(t);
        const declared = new Set(['audit', ...def.effects, ...(def.mayEmit ?? [])]);
        for (const t of types) expect(declared.has(t), `${t} is declared`).toBe(true);
        expect(types.filter((t) => t === 'audit')).toHaveLength(1);
      });
    }
  }
});

/** A determined case with its reconsideration region in the given state. */
function determinedWithRegion(region: ReconsiderationState, withFact = false): CaseSnapshot {
  let s = driveTo('determined');
  // Only the last request carries a fact to review (a decision waits for its facts' review).
  const last = RECONSIDERATION_STATES.indexOf(region) - 1;
  let step = 0;
  const request = (x: CaseSnapshot): CaseSnapshot =>
    apply(
      x,
      withFact && step === last ? REQUEST_WITH_FACT : exampleCommand('request_reconsideration', x),
      ACTORS.holder,
    );
  const decide = (x: CaseSnapshot, by: Actor): CaseSnapshot =>
    apply(x, exampleCommand('decide_reconsideration', x), by);
  const path: ((x: CaseSnapshot) => CaseSnapshot)[] = [
    request,
    (x) => decide(x, ACTORS.approver),
    request,
    (x) => decide(x, ACTORS.city),
  ];
  for (; step < RECONSIDERATION_STATES.indexOf(region); step++) s = path[step]!(s);
  expect(s.reconsideration.state).toBe(region);
  return s;
}

describe.each(RECONSIDERATION_STATES.map((r) => [r]))('reconsideration region %s', (region) => {
  for (const command of [
    'request_reconsideration',
    'review_reconsideration_fact',
    'decide_reconsideration',
  ] as const) {
    const def = RECONSIDERATION_MACHINE.find((d) => d.command === command && d.from.includes(region));
    if (def === undefined) {
      it(`${command} is not allowed`, () => {
        const s = deepFreeze(determinedWithRegion(region));
        const before = JSON.stringify(s);
        for (const actor of IN_ROOM_ACTORS) {
          const e = catchError(() => transition(s, exampleCommand(command, s), ctxFor(actor)));
          expect(e.code).toBe('invalid_transition');
          expect(e.detail).toMatchObject({ state: 'determined', command, reconsideration: region });
        }
        expect(JSON.stringify(s)).toBe(before);
      });
      continue;
    }
    for (const allowance of def.allow) {
      it(`${command} by ${allowance.role} → ${String(def.target)}`, () => {
        const s = deepFreeze(determinedWithRegion(region, command === 'review_reconsideration_fact'));
        const { next, effects } = transition(
          s,
          exampleCommand(command, s),
          ctxFor(ACTOR_OF_ROLE[allowance.role]),
        );
        expect(next.state).toBe('determined');
        expect(next.reconsideration.state).toBe(def.target);
        expect(next.version).toBe(s.version + 1);
        const types = effects.map((e) => e.type);
        for (const t of def.effects) expect(types).toContain(t);
        const declared = new Set(['audit', ...def.effects, ...(def.mayEmit ?? [])]);
        for (const t of types) expect(declared.has(t)).toBe(true);
      });
    }
  }
});
