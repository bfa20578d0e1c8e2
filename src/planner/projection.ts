import { score } from '../engine/score.js';
import type { ScoreResult } from '../engine/types.js';
import type { Profile } from '../profile/profileSchema.js';
import type { RuleSet } from '../rules/RuleSet.js';
import { indexToFirstOfMonth, monthIndexOf } from '../shared/dates.js';
import type { Lever, Point } from './types.js';

/**
 * The dates a plan scores (docs/spec/profile.md, Plan): the asOf itself for the current month, then
 * the 1st of each later month up to the horizon. The first point is the asOf, so that the
 * timeline starts at `current.total`.
 */
export function timelineDates(asOf: string, horizonMonths: number): string[] {
  const m = monthIndexOf(asOf);
  const dates = [asOf];
  for (let k = 1; k <= horizonMonths; k++) dates.push(indexToFirstOfMonth(m + k));
  return dates;
}

/**
 * One projected score. Moving `asOf` forward is the whole projection: the engine lets
 * runs with `to: null` continue to the application month at their base, counts marriage
 * years and age to the date, ages deductions out of their windows and uses the latest
 * published wage figure (provisionally) for months after it; past the last policy
 * version its rules are assumed to continue. Lean results: nobody reads these items.
 */
export function scoreOn(profile: Profile, date: string, rules: RuleSet): ScoreResult {
  if (date === profile.asOf) return score(profile, LEAN, rules);
  // One private copy per profile, re-dated for each call instead of spread anew: a lean
  // result keeps no reference to the profile, so the copy is never observed changing.
  let copy = dated.get(profile);
  if (!copy) dated.set(profile, (copy = { ...profile }));
  copy.asOf = date;
  return score(copy, LEAN, rules);
}

const LEAN = Object.freeze({ explain: false, assumeRulesContinue: true });
const dated = new WeakMap<Profile, Profile>();

export const toPoint = (date: string, r: ScoreResult): Point => ({
  date,
  total: r.total,
  qualified: r.qualified,
  vetoed: r.vetoed,
  provisional: r.provisional,
});

/** The profile with every lever applied as of `date`. */
export function applyLevers(profile: Profile, levers: readonly Lever[], date: string): Profile {
  let p = profile;
  for (const l of levers) if (date >= l.firstEffect) p = l.apply(p, date);
  return p;
}

/**
 * The projection of one option, scored lazily: up to its first qualifying date (or a
 * deadline) first, the rest of the timeline only if it is listed. Before the first date on
 * which one of its levers takes effect its facts are the baseline's, so those points are
 * reused.
 */
export class LeverScan {
  readonly points: Point[] = [];
  reach: Point | null = null;
  private readonly first: string;

  constructor(
    private readonly profile: Profile,
    private readonly levers: readonly Lever[],
    private readonly dates: readonly string[],
    private readonly baseline: readonly Point[],
    private readonly rules: RuleSet,
  ) {
    let first = dates[dates.length - 1]!;
    for (const l of levers) if (l.firstEffect < first) first = l.firstEffect;
    this.first = first;
  }

  private step(): Point {
    const k = this.points.length;
    const d = this.dates[k]!;
    const p =
      d < this.first
        ? this.baseline[k]!
        : toPoint(d, scoreOn(applyLevers(this.profile, this.levers, d), d, this.rules));
    this.points.push(p);
    if (p.qualified && !this.reach) this.reach = p;
    return p;
  }

  /**
   * Scores until the first qualifying date. With a `deadline`, stops (answering null) at the
   * first date on or after it: an option that has not qualified by then cannot beat the
   * rival that qualifies on it, and most candidates are settled this way cheaply.
   */
  toReach(deadline: string | null): Point | null {
    while (!this.reach && this.points.length < this.dates.length) {
      if (deadline !== null && this.dates[this.points.length]! >= deadline) return null;
      this.step();
    }
    return this.reach;
  }

  get complete(): boolean {
    return this.points.length === this.dates.length;
  }

  /** The whole timeline. */
  all(): Point[] {
    while (this.points.length < this.dates.length) this.step();
    return this.points;
  }
}

/**
 * A lever whose transformed profile does not depend on the date: computed once per input
 * profile (the plan's profile, or the output of the lever before it) instead of once a month.
 */
export function staticLever(firstEffect: string, transform: (p: Profile) => Profile): Lever {
  const memo = new WeakMap<Profile, Profile>();
  return {
    firstEffect,
    apply(p) {
      let out = memo.get(p);
      if (!out) memo.set(p, (out = transform(p)));
      return out;
    },
  };
}

/** First qualifying date of a projection (index 0 is the asOf itself), or null. */
export function firstQualifying(points: readonly Point[]): Point | null {
  for (const p of points) if (p.qualified) return p;
  return null;
}

export function bestOf(points: readonly Point[]): Point {
  let best = points[0]!;
  for (const p of points) if (p.total > best.total) best = p;
  return best;
}

/**
 * Whether the score on a date counted a contribution month whose wage figure is not yet
 * published (docs/spec/rules.md §7). Up to the last policy version the engine's `provisional` flag
 * says exactly that; past it every result is provisional (rules assumed to continue), so
 * the contribution runs of the profile scored are compared with the wage table instead.
 */
export function usesUnpublishedWages(point: Point, rules: RuleSet, profile: Profile): boolean {
  if (point.date <= rules.lastDate) return point.provisional;
  const first = rules.wages.lastMonth + 1;
  const last = monthIndexOf(point.date) - 1;
  if (last < first) return false;
  for (const c of profile.contributions ?? [])
    if (monthIndexOf(c.from) <= last && (c.to == null || monthIndexOf(c.to) >= first)) return true;
  return false;
}

/** Whole months from one date's month to another's. */
export const monthsBetween = (from: string, to: string): number => monthIndexOf(to) - monthIndexOf(from);
