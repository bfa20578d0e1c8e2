import type { ScoreResult } from '../engine/types.js';
import type { Profile } from '../profile/profileSchema.js';
import type { RuleSet, RulesSnapshot } from '../rules/RuleSet.js';
import type { PlannerAssumptions } from './plannerAssumptions.js';

export const PLAN_CONTRACT = 1;

/** One month of the baseline (docs/spec/profile.md, Plan). `provisional` is added only when true. */
export interface TimelinePoint {
  date: string;
  total: number;
  provisional?: true;
}

export interface PlanOption {
  id: string;
  /** What the holder does, in order (Chinese). */
  actions: string[];
  /** First timeline date on which the total reaches the standard; null if not within the horizon. */
  reachesStandardOn: string | null;
  /** Total on the last timeline date. */
  totalAtHorizon: number;
  /** Highest total on the timeline ("how far it gets"). */
  bestTotal: number;
  /** Stated, overridable planning assumptions (Chinese). */
  assumptions: string[];
  explanation: string;
  /** Unitless 1–10 per action, summed for combinations (rules/planner/assumptions.yaml). */
  effort: number;
  /** True when the date it reaches the standard was computed with an unpublished wage figure or past the last policy version. */
  provisional: boolean;
}

export interface Plan {
  contract: typeof PLAN_CONTRACT;
  asOf: string;
  standard: number;
  horizonMonths: number;
  current: ScoreResult;
  baseline: {
    reachesStandardOn: string | null;
    timeline: TimelinePoint[];
  };
  options: PlanOption[];
  warnings: string[];
}

export interface PlanOptions {
  /** Months after asOf to project (default 120). */
  horizonMonths?: number;
  /** Overrides of rules/planner/assumptions.yaml, e.g. `{ title: { intermediate: { months: 18 } } }`. */
  assumptions?: unknown;
}

/** One scored point of a projection (lean engine result, plus what the planner needs). */
export interface Point {
  date: string;
  total: number;
  qualified: boolean;
  vetoed: boolean;
  provisional: boolean;
}

export type LeverKind = 'base' | 'qualification' | 'education' | 'keyArea' | 'investment';

/**
 * One change to the holder's facts from a date: a profile transformation. Scoring a
 * transformed profile as of a timeline date is how every option is evaluated, so an
 * option's points always come from the engine.
 */
export interface Lever {
  /** First timeline date on which the change can alter a score; earlier points equal the baseline. */
  firstEffect: string;
  /** The profile as it would be on `date` (whose `asOf` the caller sets). */
  apply(profile: Profile, date: string): Profile;
}

/** An option before evaluation: its levers and how to describe it. */
export interface Candidate {
  id: string;
  kind: LeverKind;
  levers: Lever[];
  actions: string[];
  assumptions: string[];
  effort: number;
  /**
   * Ids of simpler options this one must beat to be listed: the two halves of a
   * combination, or the base raise a title option bundles (otherwise a title obtained
   * after the date would be credited with what the raise alone achieves).
   */
  parts?: string[];
  /**
   * The same lever at several strengths (base ratios, title levels, skill levels, degrees):
   * a stronger one that reaches the standard no sooner and costs more effort is not listed.
   */
  family?: string;
}

/** What every option generator reads. */
export interface PlannerContext {
  profile: Profile;
  current: ScoreResult;
  rules: RuleSet;
  /** The rules in force on asOf. */
  snapshot: RulesSnapshot;
  assumptions: PlannerAssumptions;
  asOfMonth: number;
  /** Timeline dates: asOf, then the 1st of each later month up to the horizon. */
  dates: string[];
  baseline: Point[];
}
