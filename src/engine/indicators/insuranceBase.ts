// 积分指标体系·加分指标·缴纳职工社会保险基数 (rules.md §4):
// from v2015: ≥36 valid months within the 48 before the application month at ≥0.8 / 1.0 / 2.0 × the
// average wage → 25 / 50 / 100; ≥24 valid months within the 36 before at ≥3.0 → 120.
// v2013: all 36 months before valid and at ≥0.8 / 1.0 / 2.0 → 25 / 50 / 100.
// A month counts toward every tier whose lower bound it reaches; the highest tier reached counts.
import type { ParameterValues } from '../../rules/rulesDataSchema.js';
import type { ParameterRead } from '../types.js';
import type { Facts } from '../Facts.js';
import { cnMonth } from '../factText.js';
import type { NextStep } from '../types.js';
import type { IndicatorFn } from '../Indicator.js';

type Tiers = ParameterValues['insurance_base']['tiers'];
interface WindowGroup {
  len: number;
  tierIndex: number[];
  ratiosPct: number[];
}

// Tiers grouped by window length, computed once per parameter value (values are immutable).
const groupsCache = new WeakMap<Tiers, WindowGroup[]>();
function windowGroups(tiers: Tiers): WindowGroup[] {
  let groups = groupsCache.get(tiers);
  if (!groups) {
    groups = [];
    tiers.forEach((t, i) => {
      let g = groups!.find((x) => x.len === t.windowMonths);
      if (!g) groups!.push((g = { len: t.windowMonths, tierIndex: [], ratiosPct: [] }));
      g.tierIndex.push(i);
      g.ratiosPct.push(Math.round(t.minRatio * 100));
    });
    groupsCache.set(tiers, groups);
  }
  return groups;
}

export const insuranceBase: IndicatorFn<'insurance_base'> = (f, p, explain) => {
  const tiers = p.value.tiers;
  const counts = new Array<number>(tiers.length);
  // One pass per distinct window length.
  const groups = windowGroups(tiers);
  for (const g of groups) {
    const c = f.monthsAtRatios(f.asOfMonth - g.len, f.asOfMonth - 1, g.ratiosPct);
    for (let k = 0; k < g.tierIndex.length; k++) counts[g.tierIndex[k]!] = c[k]!;
  }
  let points = 0;
  let reached = -1;
  for (let i = 0; i < tiers.length; i++) {
    const t = tiers[i]!;
    if (counts[i]! >= t.requiredMonths && t.points > points) {
      points = t.points;
      reached = i;
    }
  }
  if (!explain) return { points };

  const maxWindow = Math.max(...groups.map((g) => g.len));
  const parts = tiers.map(
    (t, i) =>
      `近${t.windowMonths}个月中基数≥社平${t.minRatio}倍的有效月份 ${counts[i]} 个（需 ${t.requiredMonths} 个，${t.points} 分）`,
  );
  const nextStep = baseStep(f, points);
  const next = nextStep
    ? `自${cnMonth(f.month(f.asOfMonth))}起连续缴费 ${nextStep.months} 个月、月缴费基数不低于 ${nextStep.monthlyBase} 元（该期间适用的社平工资 ${nextStep.wageFigure} 元的 ${nextStep.minRatio} 倍${f.rules.wages.isProvisional(f.asOfMonth + nextStep.months - 1) ? '，尚未公布的月份暂按最近公布值' : ''}），${nextStep.date} 申请可得 ${nextStep.points} 分。`
    : null;
  return {
    points,
    explanation: `${parts.join('；')}。${reached >= 0 ? `达到最高一档：${points} 分。` : '未达到任何一档：0 分。'}`,
    inputs: {
      window: `${f.month(f.asOfMonth - maxWindow)}..${f.month(f.asOfMonth - 1)}`,
      monthsPerTier: counts,
    },
    facts: f.contributionFacts(),
    next,
    nextStep,
    extra: [wageRead(f, f.asOfMonth - maxWindow, f.asOfMonth - 1)],
  };
};

/**
 * The wage figures in force for a window of contribution months, as one parameter read. It depends
 * on the rules alone: built once per window and rule set (its Chinese text is rendered once), frozen
 * and shared by every result, like the parameter reads (paramRead).
 */
export function wageRead(f: Facts, from: number, to: number): ParameterRead {
  const rules = f.rules;
  // Month indices are below 2^20 (year 87 000): one number names the window.
  return rules.memo('wageRead', from * 1_048_576 + to, () => {
    const w = rules.wages;
    const seen: { from: string; to: string; value: number; provisional?: true }[] = [];
    for (let m = Math.max(from, w.firstMonth); m <= to; m++) {
      const e = w.entryFor(m);
      if (!seen.length || seen[seen.length - 1]!.from !== e.from)
        seen.push({ ...e, ...(w.isProvisional(m) ? { provisional: true as const } : {}) });
    }
    const cite = rules.data.wages.citation;
    const text = rules.text('wages', seen);
    for (const e of seen) Object.freeze(e);
    return Object.freeze({
      text,
      key: 'wages',
      label: '上年度全市职工月平均工资（按缴费月份）',
      value: Object.freeze(seen),
      from: seen[0]?.from ?? f.month(from),
      to: seen[seen.length - 1]?.to ?? f.month(to),
      citations: Object.freeze([rules.citationText(cite)]) as string[],
    });
  });
}

type BaseStep = Extract<NextStep, { kind: 'contribute_months' }> & {
  monthlyBase: number;
  minRatio: number;
  wageFigure: number;
};

/**
 * What a base hint tries from application month M, from the rules alone (built once per month and
 * rule set): applying k = 1, 2, … months later (up to 60, or the first date with no base tiers in
 * force), each k with one option per ratio (a base reaching it), each option with the tiers in
 * force then. Flat arrays, so that trying them for one profile is a tight loop.
 */
interface BaseTrials {
  /** The longest tier window of any version, and the wage figure of each of its months before M (0: none). */
  span: number;
  figures: Float64Array;
  /** The distinct tier ratios, in hundredths. */
  pcts: number[];
  /** The most any trial can give: a current item at or above it has no hint. */
  maxPoints: number;
  /** Per trial: months after M, the date applied on, the highest figure of those months, end of its options. */
  months: number[];
  dates: string[];
  figure: number[];
  trialEnd: number[];
  /** Per option: its ratio, the base reaching it, end of its tiers. */
  ratio: number[];
  base: number[];
  optionEnd: number[];
  /** Per tier: its points; months before M it still needs besides those the k months add; where to count them. */
  points: number[];
  need: number[];
  /**
   * Index into a profile's counts (see baseStep): its ratio's row, at the month of the longest
   * window where the tier's window at the trial date starts (the row's end when it starts at M or later).
   */
  at: number[];
}

function baseTrials(f: Facts): BaseTrials {
  const rules = f.rules;
  const M = f.asOfMonth;
  return rules.memo('baseTrials', M, () => {
    const w = rules.wages;
    const span = longestWindow(f);
    const figures = new Float64Array(span);
    for (let m = M - span; m < M; m++) if (m >= w.firstMonth) figures[m - (M - span)] = w.figureFor(m);
    const t: BaseTrials = {
      span,
      figures,
      pcts: [],
      maxPoints: 0,
      months: [],
      dates: [],
      figure: [],
      trialEnd: [],
      ratio: [],
      base: [],
      optionEnd: [],
      points: [],
      need: [],
      at: [],
    };
    // The tiers' ratio rows are laid out once every ratio is known.
    const rows: number[] = [];
    const starts: number[] = [];
    let figure = 0;
    for (let k = 1; k <= 60; k++) {
      const date = `${f.month(M + k)}-01`;
      const snapshot = rules.at(date > rules.lastDate ? rules.lastDate : date);
      const tiers = snapshot.params.insurance_base?.value.tiers;
      if (!tiers) break;
      figure = Math.max(figure, w.figureFor(M + k - 1));
      for (const ratio of [...new Set(tiers.map((x) => x.minRatio))].sort((a, b) => a - b)) {
        const base = Math.ceil((Math.round(ratio * 100) * figure) / 100);
        for (const tier of tiers) {
          const pct = Math.round(tier.minRatio * 100);
          if (!t.pcts.includes(pct)) t.pcts.push(pct);
          t.maxPoints = Math.max(t.maxPoints, tier.points);
          t.points.push(tier.points);
          const added = base * 100 >= pct * figure ? Math.min(k, tier.windowMonths) : 0;
          t.need.push(tier.requiredMonths - added);
          rows.push(t.pcts.indexOf(pct));
          starts.push(tier.windowMonths > k ? Math.max(0, k - tier.windowMonths + span) : span);
        }
        t.ratio.push(ratio);
        t.base.push(base);
        t.optionEnd.push(t.points.length);
      }
      t.months.push(k);
      t.dates.push(date);
      t.figure.push(figure);
      t.trialEnd.push(t.ratio.length);
    }
    t.at = rows.map((r, i) => r * (span + 1) + starts[i]!);
    return t;
  });
}

/**
 * What the next band needs, found by trying it (issue 14): contribute k more months from the
 * application month on at a base reaching one ratio, and apply on the 1st of the month after. The
 * valid months before the application month are known, so the count of each tier in its window
 * at that later date is exact; months leaving the window are accounted for, and the tiers are
 * those in force then. The first k that raises the item wins, with the highest band it reaches.
 * What depends on the rules alone (dates, tiers, figures, bases) is built once (baseTrials).
 */
function baseStep(f: Facts, current: number): BaseStep | null {
  const t = baseTrials(f);
  if (current >= t.maxPoints) return null;
  const SPAN = t.span;
  const start = f.asOfMonth - SPAN;
  // The highest valid base (in fen) of each month of the longest window before the application
  // month (-1: no valid run), then, for each ratio, a row counting the months from i to M − 1
  // that reach it: the months before M in a tier's window at a trial date are one read.
  const top = new Array<number>(SPAN).fill(-1);
  for (const r of f.runs) {
    if (!r.valid) continue;
    const b = Math.min(r.to, f.asOfMonth - 1) - start;
    for (let i = Math.max(r.from - start, 0); i <= b; i++) if (r.baseFen > top[i]!) top[i] = r.baseFen;
  }
  const counts = new Array<number>(t.pcts.length * (SPAN + 1));
  for (let row = 0; row < t.pcts.length; row++) {
    const pct = t.pcts[row]!;
    const end = row * (SPAN + 1) + SPAN;
    counts[end] = 0;
    for (let i = SPAN - 1; i >= 0; i--) {
      const figure = t.figures[i]!; // 0: no figure (before the table), the month does not count
      counts[end - SPAN + i] = counts[end - SPAN + i + 1]! + (figure > 0 && top[i]! >= pct * figure ? 1 : 0);
    }
  }
  let o = 0;
  let x = 0;
  for (let j = 0; j < t.months.length; j++) {
    let best = current;
    let option = -1;
    for (const oe = t.trialEnd[j]!; o < oe; o++) {
      let pts = 0;
      for (const xe = t.optionEnd[o]!; x < xe; x++)
        if (counts[t.at[x]!]! >= t.need[x]! && t.points[x]! > pts) pts = t.points[x]!;
      if (pts > best) {
        best = pts;
        option = o;
      }
    }
    if (option >= 0)
      return {
        kind: 'contribute_months',
        months: t.months[j]!,
        monthlyBase: t.base[option]!,
        minRatio: t.ratio[option]!,
        wageFigure: t.figure[j]!,
        date: t.dates[j]!,
        points: best,
      };
  }
  return null;
}

const windows = new WeakMap<object, number>();
/** The longest tier window of any version (the hint may be applied under a later one). */
function longestWindow(f: Facts): number {
  const values = f.rules.data.parameters.insurance_base.values;
  let n = windows.get(values);
  if (n === undefined)
    windows.set(values, (n = Math.max(...values.flatMap((e) => e.value.tiers.map((t) => t.windowMonths)))));
  return n;
}
