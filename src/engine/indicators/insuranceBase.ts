// 积分指标体系·加分指标·缴纳职工社会保险基数 (rules.md §4):
// from v2015: ≥36 valid months within the 48 before the application month at ≥0.8 / 1.0 / 2.0 × the
// average wage → 25 / 50 / 100; ≥24 valid months within the 36 before at ≥3.0 → 120.
// v2013: all 36 months before valid and at ≥0.8 / 1.0 / 2.0 → 25 / 50 / 100.
// A month counts toward every tier whose lower bound it reaches; the highest tier reached counts.
import type { ParameterValues } from '../../rules/rulesDataSchema.js';
import type { ParameterRead } from '../types.js';
import type { Facts } from '../Facts.js';
import { cnMonth, contributionFacts } from '../factText.js';
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
    facts: contributionFacts(f.runs, (i) => f.month(i)),
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

/** One tier of a trial: the window start to count before the application month, and what k months add. */
interface TrialTier {
  points: number;
  requiredMonths: number;
  pct: number;
  /** First month of the tier's window at the trial date, when it reaches back before the application month. */
  beforeFrom: number | undefined;
  added: number;
}

/** Applying k months after the application month at one base (a ratio of the figure then). */
interface Trial {
  months: number;
  date: string;
  figure: number;
  options: { ratio: number; base: number; tiers: TrialTier[] }[];
}

/** What a base hint tries from application month M, from the rules alone (built once per month and rule set). */
interface BaseTrials {
  /** The longest tier window of any version, and the wage figure of each of its months before M (0: none). */
  span: number;
  figures: Float64Array;
  /** k = 1, 2, …, up to 60 or the first date with no base tiers in force. */
  trials: Trial[];
  /** The most any trial can give: a current item at or above it has no hint. */
  maxPoints: number;
}

function baseTrials(f: Facts): BaseTrials {
  const rules = f.rules;
  const M = f.asOfMonth;
  return rules.memo('baseTrials', M, () => {
    const w = rules.wages;
    const span = longestWindow(f);
    const figures = new Float64Array(span);
    for (let m = M - span; m < M; m++) if (m >= w.firstMonth) figures[m - (M - span)] = w.figureFor(m);
    const trials: Trial[] = [];
    let maxPoints = 0;
    let figure = 0;
    for (let k = 1; k <= 60; k++) {
      const date = `${f.month(M + k)}-01`;
      const tiers = rules.at(date > rules.lastDate ? rules.lastDate : date).params.insurance_base?.value.tiers;
      if (!tiers) break;
      figure = Math.max(figure, w.figureFor(M + k - 1));
      const ratios = [...new Set(tiers.map((t) => t.minRatio))].sort((a, b) => a - b);
      const options = ratios.map((ratio) => {
        const base = Math.ceil((Math.round(ratio * 100) * figure) / 100);
        return {
          ratio,
          base,
          tiers: tiers.map((t) => {
            const pct = Math.round(t.minRatio * 100);
            maxPoints = Math.max(maxPoints, t.points);
            return {
              points: t.points,
              requiredMonths: t.requiredMonths,
              pct,
              beforeFrom: t.windowMonths > k ? M + k - t.windowMonths : undefined,
              added: base * 100 >= pct * figure ? Math.min(k, t.windowMonths) : 0,
            };
          }),
        };
      });
      trials.push({ months: k, date, figure, options });
    }
    return { span, figures, trials, maxPoints };
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
  const { span: SPAN, figures, trials, maxPoints } = baseTrials(f);
  if (current >= maxPoints) return null;
  const M = f.asOfMonth;
  // Valid months before the application month reaching a ratio, as prefix sums over the longest
  // window: had(from) = months in [from, M − 1], in O(1) for every k and tier.
  const prefixes = new Map<number, Int32Array>();
  const had = (pct: number, from: number): number => {
    let pre = prefixes.get(pct);
    if (!pre) {
      const ok = new Uint8Array(SPAN);
      for (const r of f.runs) {
        if (!r.valid) continue;
        const a = Math.max(r.from, M - SPAN);
        const b = Math.min(r.to, M - 1);
        for (let m = a; m <= b; m++) {
          const figure = figures[m - (M - SPAN)]!;
          if (figure > 0 && r.baseFen >= pct * figure) ok[m - (M - SPAN)] = 1;
        }
      }
      pre = new Int32Array(SPAN + 1);
      for (let i = 0; i < SPAN; i++) pre[i + 1] = pre[i]! + ok[i]!;
      prefixes.set(pct, pre);
    }
    return pre[SPAN]! - pre[Math.max(0, from - (M - SPAN))]!;
  };
  for (const trial of trials) {
    let best: BaseStep | null = null;
    for (const option of trial.options) {
      let pts = 0;
      for (const t of option.tiers) {
        const before = t.beforeFrom === undefined ? 0 : had(t.pct, t.beforeFrom);
        if (before + t.added >= t.requiredMonths && t.points > pts) pts = t.points;
      }
      if (pts > current && (!best || pts > best.points))
        best = {
          kind: 'contribute_months',
          months: trial.months,
          monthlyBase: option.base,
          minRatio: option.ratio,
          wageFigure: trial.figure,
          date: trial.date,
          points: pts,
        };
    }
    if (best) return best;
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
