/** The shape of one declared transition, shared by the case machine and its reconsideration region. */
import type { Action } from './effectBuilders.js';
import type { GuardName, GuardPayload } from './guards.js';
import type {
  CaseSnapshot,
  CaseState,
  CommandPayloads,
  CommandType,
  EffectType,
  Role,
  Room,
} from './types.js';

/** One role allowed to issue the command, in one room (docs/spec/workflow.md "People and their rooms"). */
export interface Allowance {
  role: Exclude<Role, 'admin'>;
  room: Room;
}

/** Guards that can read the payload of command K (checked by the compiler). */
export type GuardsFor<K extends CommandType> = {
  [G in GuardName]: CommandPayloads[K] extends GuardPayload<G> ? G : never;
}[GuardName];

/**
 * A target that depends on the case: `targets` lists every possible outcome
 * (for docs and tests), `resolve` picks one.
 */
export interface TargetResolver<S extends string> {
  targets: readonly S[];
  /** Chinese: when which target applies. */
  rule: string;
  resolve: (s: CaseSnapshot) => S;
}

export interface TransitionDef<K extends CommandType, S extends string> {
  command: K;
  /** The states in which this allowance applies. */
  from: readonly S[];
  /** `stay`: the state does not change (the version still does). */
  target: S | 'stay' | TargetResolver<S>;
  allow: readonly Allowance[];
  guards: readonly GuardsFor<K>[];
  /** Effect types always emitted besides `audit`. */
  effects: readonly EffectType[];
  /** Effect types emitted only in some cases (e.g. a penalty). */
  mayEmit?: readonly EffectType[];
  /** Article or design reason. */
  cites: string;
  action: Action<K>;
}

/** Any transition of a machine over states S, for storage in one list. */
export type AnyTransitionDef<S extends string> = { [K in CommandType]: TransitionDef<K, S> }[CommandType];

/** Identity helper that keeps K precise for each entry. */
export const defineTransition = <K extends CommandType, S extends string>(
  def: TransitionDef<K, S>,
): TransitionDef<K, S> => def;

/** Marker for commands that the case machine hands to its reconsideration region. */
export interface RegionDelegation<K extends CommandType> {
  command: K;
  from: readonly CaseState[];
  region: 'reconsideration';
  cites: string;
}
