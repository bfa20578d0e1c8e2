/**
 * A compact, JSON-serialisable description of the machine for the HTTP layer
 * (which commands to offer in which state, to whom) and for the docs.
 */
import { CASE_MACHINE, TERMINAL_STATES, isRegionDelegation } from './caseMachine.js';
import { STATE_HELD_BY } from './caseHeldBy.js';
import { GUARDS, type GuardName } from './guards.js';
import { COMMAND_LABELS, RECONSIDERATION_LABELS, ROLE_LABELS, ROOM_LABELS, STATE_LABELS } from './labels.js';
import { RECONSIDERATION_MACHINE } from './reconsiderationMachine.js';
import type { Allowance, AnyTransitionDef } from './TransitionDef.js';
import {
  CASE_STATES,
  RECONSIDERATION_STATES,
  type CommandType,
  type EffectType,
  type Role,
  type Room,
} from './types.js';

export interface CommandDescription {
  command: CommandType;
  label: string;
  /** Possible target states (several when the target depends on the case). */
  targets: string[];
  targetRule: string | null;
  allow: { role: Role; roleLabel: string; room: Room; roomLabel: string }[];
  guards: { name: GuardName; description: string }[];
  effects: EffectType[];
  mayEmit: EffectType[];
  cites: string;
  /** For commands handled by the reconsideration region. */
  region: 'reconsideration' | null;
}

export interface StateDescription {
  state: string;
  label: string;
  terminal: boolean;
  heldBy: Role | null;
  heldByLabel: string;
  commands: CommandDescription[];
}

export interface MachineDescription {
  states: StateDescription[];
  reconsideration: { state: string; label: string; commands: CommandDescription[] }[];
}

function describeDef<S extends string>(def: AnyTransitionDef<S>, from: S): CommandDescription {
  const t = def.target;
  const targets = t === 'stay' ? [from] : typeof t === 'string' ? [t] : [...t.targets];
  return {
    command: def.command,
    label: COMMAND_LABELS[def.command],
    targets,
    targetRule: typeof t === 'object' ? t.rule : null,
    allow: def.allow.map((a) => ({
      role: a.role,
      roleLabel: ROLE_LABELS[a.role],
      room: a.room,
      roomLabel: ROOM_LABELS[a.room],
    })),
    guards: (def.guards as readonly GuardName[]).map((name) => ({
      name,
      description: GUARDS[name].description,
    })),
    effects: ['audit', ...def.effects],
    mayEmit: [...(def.mayEmit ?? [])],
    cites: def.cites,
    region: null,
  };
}

/** The allowances of several region transitions, each role/room once. */
function uniqueAllowances(defs: readonly { allow: readonly Allowance[] }[]): Allowance[] {
  const seen = new Map<string, Allowance>();
  for (const a of defs.flatMap((d) => d.allow)) seen.set(`${a.role}@${a.room}`, a);
  return [...seen.values()];
}

export function describeMachine(): MachineDescription {
  const states = CASE_STATES.map((state): StateDescription => {
    const commands: CommandDescription[] = [];
    for (const entry of CASE_MACHINE) {
      if (!entry.from.includes(state)) continue;
      if (isRegionDelegation(entry)) {
        const defs = RECONSIDERATION_MACHINE.filter((d) => d.command === entry.command);
        commands.push({
          command: entry.command,
          label: COMMAND_LABELS[entry.command],
          targets: [state],
          targetRule: '案件仍为已核定；复核状态见 reconsideration',
          allow: uniqueAllowances(defs).map((a) => ({
            role: a.role,
            roleLabel: ROLE_LABELS[a.role],
            room: a.room,
            roomLabel: ROOM_LABELS[a.room],
          })),
          guards: [],
          effects: ['audit'],
          mayEmit: [],
          cites: entry.cites,
          region: 'reconsideration',
        });
      } else {
        commands.push(describeDef(entry, state));
      }
    }
    const heldBy = STATE_HELD_BY[state];
    return {
      state,
      label: STATE_LABELS[state],
      terminal: TERMINAL_STATES.includes(state),
      heldBy,
      heldByLabel: heldBy === null ? '无需办理' : ROLE_LABELS[heldBy],
      commands,
    };
  });
  const reconsideration = RECONSIDERATION_STATES.map((state) => ({
    state,
    label: RECONSIDERATION_LABELS[state],
    commands: RECONSIDERATION_MACHINE.filter((d) => d.from.includes(state)).map((d) => describeDef(d, state)),
  }));
  return { states, reconsideration };
}
