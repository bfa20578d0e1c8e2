import type { ScoreResult } from '../engine/types.js';
import { fullYearsBetween, ymdOf } from '../shared/dates.js';
import type { PopulationMember } from './parsePopulationLine.js';

export interface SideSummary {
  totalSum: number;
  meanTotal: number;
  qualified: number;
  vetoed: number;
  provisional: number;
}

export interface GroupRow {
  key: string;
  count: number;
  qualifiedBefore: number;
  qualifiedAfter: number;
  /** Not qualified before, qualified after (新达标). */
  crossedUp: number;
  /** Qualified before, not after (不再达标). */
  crossedDown: number;
  meanBefore: number;
  meanAfter: number;
}

export interface DistributionRow {
  /** e.g. "120–129". */
  band: string;
  from: number;
  before: number;
  after: number;
}

const AGE_BANDS = ['30岁以下', '30–39岁', '40–49岁', '50–59岁', '60岁及以上'] as const;
const ageBand = (years: number): string =>
  AGE_BANDS[years < 30 ? 0 : years >= 60 ? 4 : Math.floor(years / 10) - 2]!;
export const UNKNOWN_DISTRICT = '未注明';

class Group {
  count = 0;
  qb = 0;
  qa = 0;
  up = 0;
  down = 0;
  sumB = 0;
  sumA = 0;
  row(key: string): GroupRow {
    const mean = (s: number) => (this.count ? Math.round((s / this.count) * 100) / 100 : 0);
    return {
      key,
      count: this.count,
      qualifiedBefore: this.qb,
      qualifiedAfter: this.qa,
      crossedUp: this.up,
      crossedDown: this.down,
      meanBefore: mean(this.sumB),
      meanAfter: mean(this.sumA),
    };
  }
}

/**
 * Streaming aggregates of a policy-impact run: constant memory whatever the population
 * size (a few counters per district, age band and band of 10 points).
 */
export class ImpactTally {
  private readonly all = new Group();
  private readonly districts = new Map<string, Group>();
  private readonly ages = new Map<string, Group>();
  private readonly bands = new Map<number, [number, number]>();
  private changed = 0;
  private vetoedB = 0;
  private vetoedA = 0;
  private provB = 0;
  private provA = 0;

  add(m: PopulationMember, before: ScoreResult, after: ScoreResult): void {
    const d = m.district ?? UNKNOWN_DISTRICT;
    let gd = this.districts.get(d);
    if (!gd) this.districts.set(d, (gd = new Group()));
    const a = ageBand(fullYearsBetween(ymdOf(m.profile.birthDate), ymdOf(m.profile.asOf)));
    let ga = this.ages.get(a);
    if (!ga) this.ages.set(a, (ga = new Group()));
    for (const g of [this.all, gd, ga]) {
      g.count++;
      g.sumB += before.total;
      g.sumA += after.total;
      if (before.qualified) g.qb++;
      if (after.qualified) g.qa++;
      if (!before.qualified && after.qualified) g.up++;
      if (before.qualified && !after.qualified) g.down++;
    }
    if (before.total !== after.total) this.changed++;
    if (before.vetoed) this.vetoedB++;
    if (after.vetoed) this.vetoedA++;
    if (before.provisional) this.provB++;
    if (after.provisional) this.provA++;
    this.band(before.total)[0]++;
    this.band(after.total)[1]++;
  }

  private band(total: number): [number, number] {
    const from = Math.floor(total / 10) * 10;
    let b = this.bands.get(from);
    if (!b) this.bands.set(from, (b = [0, 0]));
    return b;
  }

  get count(): number {
    return this.all.count;
  }

  summary() {
    const all = this.all.row('全部');
    const side = (sum: number, mean: number, q: number, v: number, p: number): SideSummary => ({
      totalSum: sum,
      meanTotal: mean,
      qualified: q,
      vetoed: v,
      provisional: p,
    });
    const keys = [...this.bands.keys()].sort((x, y) => x - y);
    const distribution: DistributionRow[] = [];
    if (keys.length)
      for (let from = keys[0]!; from <= keys[keys.length - 1]!; from += 10) {
        const b = this.bands.get(from) ?? [0, 0];
        distribution.push({ band: `${from}–${from + 9}`, from, before: b[0], after: b[1] });
      }
    return {
      profiles: all.count,
      before: side(this.all.sumB, all.meanBefore, all.qualifiedBefore, this.vetoedB, this.provB),
      after: side(this.all.sumA, all.meanAfter, all.qualifiedAfter, this.vetoedA, this.provA),
      changed: this.changed,
      crossedUp: all.crossedUp,
      crossedDown: all.crossedDown,
      distribution,
      byDistrict: [...this.districts]
        .map(([k, g]) => g.row(k))
        .sort((x, y) => y.count - x.count || (x.key < y.key ? -1 : 1)),
      byAgeBand: AGE_BANDS.filter((k) => this.ages.has(k)).map((k) => this.ages.get(k)!.row(k)),
    };
  }
}
