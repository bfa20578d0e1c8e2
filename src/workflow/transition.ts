/**
 * The pure interpreter of the declared machine. No clock, no I/O: `ctx` brings
 * the time, the actor and the calendar; the result is the next snapshot and the
 * effects the use-case layer executes in one transaction. The input snapshot is
 * never mutated; the next snapshot shares nothing with it.
 *
 * Order of checks, and why:
 * 1. `admin`, or an actor outside the case's rooms (another unit, another
 *    district, another holder) → `forbidden`, without saying anything about
 *    the case's state (nothing leaks to someone who may not see the case);
 * 2. (state, command) not declared → `invalid_transition`;
 * 3. role not among those allowed for that pair → `forbidden`;
 * 4. the first failing guard → `invalid_transition` with `detail.guard`.
 */
import { isIsoDate } from '../shared/dates.js';
import { JifenError } from '../shared/errors.js';
import { findCaseTransition, isRegionDelegation } from './caseMachine.js';
import { GUARDS, type GuardName } from './guards.js';
import { COMMAND_LABELS, RECONSIDERATION_LABELS, ROLE_LABELS, STATE_LABELS } from './labels.js';
import { RECONSIDERATION_MACHINE } from './reconsiderationMachine.js';
import type { Allowance, AnyTransitionDef } from './TransitionDef.js';
import type {
  Actor,
  CaseSnapshot,
  CaseState,
  Command,
  Effect,
  ReconsiderationState,
  Role,
  Room,
  TransitionContext,
  TransitionResult,
} from './types.js';

/** Whether the actor stands in the room for this case. */
export function inRoom(actor: Actor, room: Room, s: CaseSnapshot): boolean {
  switch (room) {
    case 'own_case':
      return actor.role === 'holder' && actor.id === s.holderId;
    case 'own_unit':
      return actor.unitId != null && actor.unitId === s.unitId;
    case 'own_district':
      return actor.district != null && actor.district === s.district;
    case 'city':
      return actor.role === 'city_supervisor';
    case 'system':
      return actor.role === 'system';
  }
}

/** The room each role may ever act in (docs/spec/workflow.md "People and their rooms"). */
export const ROOM_OF_ROLE: Record<Role, Room | null> = {
  holder: 'own_case',
  employer_hr: 'own_unit',
  acceptance_clerk: 'own_district',
  district_reviewer: 'own_district',
  district_approver: 'own_district',
  city_supervisor: 'city',
  system: 'system',
  admin: null, // docs/spec/workflow.md: admin never edits a case.
};

/** Whether the actor may act on this case at all, whatever the command. */
export function hasStanding(actor: Actor, s: CaseSnapshot): boolean {
  const room = ROOM_OF_ROLE[actor.role];
  return room !== null && inRoom(actor, room, s);
}

export const matchesAllowance = (actor: Actor, a: Allowance, s: CaseSnapshot): boolean =>
  actor.role === a.role && inRoom(actor, a.room, s);

function invalidTransition(
  s: CaseSnapshot,
  command: Command['type'],
  guard?: GuardName,
  message?: string,
): JifenError {
  const base = `案件当前状态为「${STATE_LABELS[s.state]}」，不能执行「${COMMAND_LABELS[command]}」`;
  return new JifenError('invalid_transition', message === undefined ? base : `${base}：${message}`, [], {
    caseId: s.caseId,
    state: s.state,
    command,
    ...(guard === undefined ? {} : { guard }),
    ...(s.state === 'determined' ? { reconsideration: s.reconsideration.state } : {}),
  });
}

function forbidden(
  actor: Actor,
  command: Command['type'],
  reason: 'room' | 'role',
  s: CaseSnapshot,
): JifenError {
  const message =
    reason === 'room'
      ? `${ROLE_LABELS[actor.role]}无权处理此案件`
      : `${ROLE_LABELS[actor.role]}无权在「${STATE_LABELS[s.state]}」状态下执行「${COMMAND_LABELS[command]}」`;
  // A room refusal says nothing about the case's state.
  const detail: Record<string, unknown> = { command, role: actor.role, reason };
  if (reason === 'role') detail.state = s.state;
  return new JifenError('forbidden', message, [], detail);
}

function checkContext(ctx: TransitionContext): void {
  if (!isIsoDate(ctx.today)) {
    throw new JifenError('validation_failed', `今天的日期无效: ${ctx.today}`, [
      { path: '$.today', message: '应为 YYYY-MM-DD' },
    ]);
  }
  if (typeof ctx.now !== 'string' || ctx.now.length === 0) {
    throw new JifenError('validation_failed', '缺少命令时间', [
      { path: '$.now', message: '应为 ISO 时间戳' },
    ]);
  }
}

/** The declared transition that applies, with the state it leads to. */
interface Resolved {
  def: AnyTransitionDef<CaseState> | AnyTransitionDef<ReconsiderationState>;
  to: CaseState;
}

function resolve(s: CaseSnapshot, command: Command['type']): Resolved {
  const entry = findCaseTransition(s.state, command);
  if (entry === undefined) throw invalidTransition(s, command);
  if (isRegionDelegation(entry)) {
    const region = s.reconsideration.state;
    const def = RECONSIDERATION_MACHINE.find((d) => d.command === command && d.from.includes(region));
    if (def === undefined) {
      throw invalidTransition(s, command, undefined, `复核状态为「${RECONSIDERATION_LABELS[region]}」`);
    }
    return { def, to: s.state };
  }
  const t = entry.target;
  const to = t === 'stay' ? s.state : typeof t === 'string' ? t : t.resolve(s);
  return { def: entry, to };
}

export function transition(
  snapshot: CaseSnapshot,
  command: Command,
  ctx: TransitionContext,
): TransitionResult {
  checkContext(ctx);
  const { actor } = ctx;
  if (!hasStanding(actor, snapshot)) throw forbidden(actor, command.type, 'room', snapshot);

  const { def, to } = resolve(snapshot, command.type);
  if (!def.allow.some((a) => matchesAllowance(actor, a, snapshot)))
    throw forbidden(actor, command.type, 'role', snapshot);

  for (const name of def.guards as readonly GuardName[]) {
    const g = GUARDS[name];
    // The declaration types each guard against its command's payload (GuardsFor<K>).
    const ok = (g.check as (s: CaseSnapshot, p: unknown, c: TransitionContext) => boolean)(
      snapshot,
      command.payload,
      ctx,
    );
    if (!ok) throw invalidTransition(snapshot, command.type, name, g.description);
  }

  const version = snapshot.version + 1;
  const run = def.action as (input: {
    s: CaseSnapshot;
    p: unknown;
    ctx: TransitionContext;
    version: number;
    to: CaseState;
  }) => {
    patch?: Partial<CaseSnapshot>;
    effects: Effect[];
    auditDetail?: Record<string, unknown>;
  };
  const out = run({ s: snapshot, p: command.payload, ctx, version, to });
  const next: CaseSnapshot = structuredClone({ ...snapshot, ...out.patch, state: to, version });

  const audit: Effect = {
    type: 'audit',
    caseId: snapshot.caseId,
    version,
    command: command.type,
    actorId: actor.id,
    actorRole: actor.role,
    from: snapshot.state,
    to,
    at: ctx.now,
    detail: structuredClone({ payload: command.payload, ...out.auditDetail }),
  };
  return { next, effects: [audit, ...structuredClone(out.effects)] };
}

/** Whether `command` would apply now, without the effects: for enabling buttons. */
export function can(snapshot: CaseSnapshot, command: Command, ctx: TransitionContext): boolean {
  try {
    transition(snapshot, command, ctx);
    return true;
  } catch (e) {
    if (e instanceof JifenError) return false;
    throw e;
  }
}
