import type { Profile } from '../profile/profileSchema.js';
import type { RuleSet, RulesSnapshot } from '../rules/RuleSet.js';
import { indexToIsoMonth, monthIndexOf, ymdOf, type Ymd } from '../shared/dates.js';
import { contributionFacts } from './factText.js';
import type { FactText } from './types.js';

/** One contribution run as month indices, with its validity (实施细则 第六条(四)) decided once. */
export interface Run {
  from: number;
  /** Inclusive; an ongoing run (`to: null`) ends in the application month. */
  to: number;
  base: number;
  /** The base in fen (分), so that ratio comparisons are exact integer arithmetic. */
  baseFen: number;
  valid: boolean;
  backPaid: boolean;
  index: number;
}

/**
 * What every indicator needs from a profile, derived once: dates as integers,
 * contribution runs clipped to the application month, and the wage figures read
 * (to mark a result provisional).
 */
export class Facts {
  readonly profile: Profile;
  readonly asOf: string;
  readonly asOfYmd: Ymd;
  /** The application month (申请当月) as a month index. */
  readonly asOfMonth: number;
  readonly birth: Ymd;
  readonly runs: Run[];
  readonly rules: RuleSet;
  readonly snapshot: RulesSnapshot;
  /** Months scored with the latest published wage figure because theirs is not published yet. */
  provisionalMonths: Set<number> | undefined;
  private contributionText: readonly FactText[] | undefined;

  constructor(profile: Profile, rules: RuleSet, snapshot: RulesSnapshot, asOf = profile.asOf) {
    this.profile = profile;
    this.asOf = asOf;
    // The profile is validated: dates are real, so the fast parsers apply.
    this.asOfYmd = ymdOf(asOf);
    this.asOfMonth = this.asOfYmd.y * 12 + this.asOfYmd.m - 1;
    this.birth = ymdOf(profile.birthDate);
    this.rules = rules;
    this.snapshot = snapshot;
    const vm = snapshot.params.valid_month?.value;
    this.runs = [];
    const list = profile.contributions ?? [];
    for (let i = 0; i < list.length; i++) {
      const c = list[i]!;
      const from = monthIndexOf(c.from);
      if (from > this.asOfMonth) continue; // facts after asOf are ignored
      const to = c.to == null ? this.asOfMonth : Math.min(monthIndexOf(c.to), this.asOfMonth);
      const backPaid = c.backPaid === true;
      const valid =
        !(vm?.excludeBackPaid !== false && backPaid) &&
        !(vm?.requireEmployerMatchesContract !== false && c.employerMatchesContract === false) &&
        !(vm?.requireTaxConsistent !== false && c.taxConsistent === false);
      this.runs.push({
        from,
        to,
        base: c.base,
        // Whole fen, never rounded up: a base of 12 433.997 is below 12 434 (issue 14).
        baseFen: Math.floor(c.base * 100 * (1 + 1e-12)),
        valid,
        backPaid,
        index: i,
      });
    }
  }

  /** Valid months in [from, to] (inclusive month indices). */
  validMonthsIn(from: number, to: number): number {
    let n = 0;
    for (const r of this.runs) {
      if (!r.valid) continue;
      const a = r.from > from ? r.from : from;
      const b = r.to < to ? r.to : to;
      if (b >= a) n += b - a + 1;
    }
    return n;
  }

  /**
   * Counts, for each ratio threshold (in hundredths: 80 = 0.8×), the valid months
   * in [from, to] whose base reaches that multiple of the month's wage figure.
   */
  monthsAtRatios(from: number, to: number, ratiosPct: readonly number[]): number[] {
    const n = ratiosPct.length;
    const counts = new Array<number>(n).fill(0);
    const w = this.rules.wages;
    const last = w.lastMonth;
    const segs = w.segStart.length;
    for (const r of this.runs) {
      if (!r.valid) continue;
      const a = r.from > from ? r.from : from;
      const b = r.to < to ? r.to : to;
      if (b < a) continue;
      if (a < w.firstMonth) w.figureFor(a); // no figure before the table: a clear error naming the month
      // The base is constant over a run and the figure over a segment: count whole overlaps at once.
      if (a <= last)
        for (let k = w.segmentOf(a); k < segs && w.segStart[k]! <= b; k++) {
          const lo = w.segStart[k]! > a ? w.segStart[k]! : a;
          const hi = w.segEnd[k]! < b ? w.segEnd[k]! : b;
          const value = w.segValue[k]!;
          for (let t = 0; t < n; t++)
            if (r.baseFen >= ratiosPct[t]! * value) counts[t] = counts[t]! + hi - lo + 1;
        }
      if (b > last) {
        // Months after the last published figure: scored with the latest one, provisionally (rules.md §7).
        const lo = a > last ? a : last + 1;
        const value = w.latest.value;
        const set = (this.provisionalMonths ??= new Set());
        for (let m = lo; m <= b; m++) set.add(m);
        for (let t = 0; t < n; t++)
          if (r.baseFen >= ratiosPct[t]! * value) counts[t] = counts[t]! + b - lo + 1;
      }
    }
    return counts;
  }

  /** Union of month indices of periods, clipped to months strictly before the application month. */
  monthsBeforeApplication(periods: ReadonlyArray<{ from: string; to?: string | null }>): number {
    const last = this.asOfMonth - 1;
    const spans: Array<[number, number]> = [];
    for (const p of periods) {
      const a = monthIndexOf(p.from);
      const b = p.to == null ? last : Math.min(monthIndexOf(p.to), last);
      if (b >= a) spans.push([a, b]);
    }
    spans.sort((x, y) => x[0] - y[0]);
    let total = 0;
    let curA = -1;
    let curB = -2;
    for (const [a, b] of spans) {
      if (a > curB + 1) {
        if (curB >= curA) total += curB - curA + 1;
        curA = a;
        curB = b;
      } else if (b > curB) curB = b;
    }
    if (curB >= curA && curA >= 0) total += curB - curA + 1;
    return total;
  }

  /**
   * The contribution runs as the form shows them (items[].facts of both insurance items): written
   * once per profile, the same (frozen) list in both items (results are serialised, never changed).
   */
  contributionFacts(): FactText[] {
    return (this.contributionText ??= Object.freeze(contributionFacts(this.runs))) as FactText[];
  }

  /** A month index as `YYYY-MM` (indexToIsoMonth, without padding a four-digit year). */
  month(i: number): string {
    const y = Math.floor(i / 12);
    if (y < 1000 || y > 9999) return indexToIsoMonth(i);
    const m = i - y * 12 + 1;
    return m < 10 ? `${y}-0${m}` : `${y}-${m}`;
  }
}
