/**
 * Property: any random sequence of commands, by any actor, with good or broken
 * payloads, on any day, either applies or throws a typed error; a throw leaves
 * the (deep-frozen) snapshot unchanged; each applied command raises the version
 * by exactly one and emits exactly one audit event carrying that version.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addDays } from '../shared/dates.js';
import { JifenError } from '../shared/errors.js';
import {
  ACTOR_OF_ROLE,
  ACTORS,
  HOLIDAY_CALENDAR,
  ctxFor,
  deepFreeze,
  exampleCommand,
  newCase,
} from './caseFixtures.js';
import { findCaseTransition, isRegionDelegation } from './caseMachine.js';
import { RECONSIDERATION_MACHINE } from './reconsiderationMachine.js';
import { transition } from './transition.js';
import {
  CASE_STATES,
  COMMAND_TYPES,
  type Actor,
  type CaseSnapshot,
  type Command,
  type CommandType,
} from './types.js';

const POOL: Actor[] = Object.values(ACTORS);

/** The actor the declaration allows for this pair, if any (so that sequences make progress). */
function allowedActor(s: CaseSnapshot, type: CommandType): Actor | undefined {
  const entry = findCaseTransition(s.state, type);
  if (entry === undefined) return undefined;
  const def = isRegionDelegation(entry)
    ? RECONSIDERATION_MACHINE.find((d) => d.command === type && d.from.includes(s.reconsideration.state))
    : entry;
  const a = def?.allow[0];
  return a === undefined ? undefined : ACTOR_OF_ROLE[a.role];
}

/** A payload that breaks something: empty lists, blank reasons, impossible dates. */
function brokenCommand(type: CommandType, s: CaseSnapshot): Command {
  const c = exampleCommand(type, s);
  const p = { ...(c.payload as Record<string, unknown>) };
  for (const k of Object.keys(p)) {
    const v = p[k];
    if (Array.isArray(v)) p[k] = [];
    else if (typeof v === 'string')
      p[k] = k.endsWith('On') || k.endsWith('Until') || k === 'date' ? '2020-01-01' : '';
    else if (typeof v === 'object' && v !== null && 'provisional' in v) p[k] = { ...v, provisional: true };
  }
  return { type, payload: p } as Command;
}

/** Commands declared for the current state: picking among them half of the time walks the life cycle. */
const declaredIn = (s: CaseSnapshot): CommandType[] =>
  COMMAND_TYPES.filter((c) => findCaseTransition(s.state, c) !== undefined);
const pickType = (s: CaseSnapshot, st: { type: CommandType; guided: boolean; pick: number }): CommandType => {
  const declared = declaredIn(s);
  return st.guided && declared.length > 0 ? declared[st.pick % declared.length]! : st.type;
};

const CLOSING: CommandType[] = ['withdraw', 'invalidate', 'refuse'];

const step = fc.record({
  type: fc.constantFrom(...COMMAND_TYPES),
  guided: fc.boolean(),
  pick: fc.nat(),
  actor: fc.oneof(fc.constant(-1), fc.integer({ min: 0, max: POOL.length - 1 })),
  broken: fc.boolean(),
  days: fc.oneof(fc.constant(0), fc.integer({ min: 1, max: 45 })),
  holidays: fc.boolean(),
});

describe('random command sequences', () => {
  it('apply or throw without mutation; version +1 per applied command', () => {
    fc.assert(
      fc.property(fc.array(step, { minLength: 1, maxLength: 80 }), (steps) => {
        let s = deepFreeze(newCase());
        let today = '2025-03-06';
        let applied = 0;
        for (const st of steps) {
          today = addDays(today, st.days);
          const type = pickType(s, st);
          const actor = st.actor === -1 ? (allowedActor(s, type) ?? ACTORS.hr) : POOL[st.actor]!;
          const cmd = st.broken ? brokenCommand(type, s) : exampleCommand(type, s);
          const ctx = ctxFor(actor, today, st.holidays ? HOLIDAY_CALENDAR : undefined);
          const before = JSON.stringify(s);
          try {
            const { next, effects } = transition(s, cmd, ctx);
            applied++;
            expect(next.version).toBe(s.version + 1);
            expect(effects.filter((e) => e.type === 'audit')).toHaveLength(1);
            expect(effects[0]).toMatchObject({
              type: 'audit',
              version: next.version,
              from: s.state,
              to: next.state,
            });
            expect(CASE_STATES).toContain(next.state);
            // Determinations are only ever added.
            expect(next.determinationCount).toBeGreaterThanOrEqual(s.determinationCount);
            expect(actor.role).not.toBe('admin');
            s = deepFreeze(next);
          } catch (e) {
            expect(e).toBeInstanceOf(JifenError);
            expect(['invalid_transition', 'forbidden']).toContain((e as JifenError).code);
            expect(JSON.stringify(s)).toBe(before);
          }
        }
        expect(s.version).toBe(applied);
      }),
      { numRuns: 300 },
    );
  });

  it('reaches far into the life cycle (the generator is not trivially stuck)', () => {
    const reached = new Set<string>();
    fc.assert(
      fc.property(fc.array(step, { minLength: 40, maxLength: 80 }), (steps) => {
        let s = newCase();
        let today = '2025-03-06';
        for (const st of steps) {
          today = addDays(today, st.days * 2);
          // Closing commands only one time in ten here, so that walks get deep before they end.
          const closing = CLOSING.includes(pickType(s, st)) && st.pick % 10 !== 0;
          const type = closing ? 'remind' : pickType(s, st);
          const actor = allowedActor(s, type) ?? ACTORS.hr;
          try {
            s = transition(s, exampleCommand(type, s), ctxFor(actor, today)).next;
            reached.add(s.state);
          } catch {
            // refused commands are part of the walk
          }
        }
      }),
      { numRuns: 300, seed: 20250306 },
    );
    for (const state of [
      'draft',
      'submitted',
      'supplement_required',
      'accepted',
      'under_review',
      'verified',
      'determined',
      'refused',
      'withdrawn',
      'expired',
      'invalidated',
    ]) {
      expect(reached, state).toContain(state);
    }
  });
});
