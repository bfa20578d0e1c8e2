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

/** The wage figures in force for a window of contribution months, as one parameter read. */
export function wageRead(f: Facts, from: number, to: number): ParameterRead {
  const w = f.rules.wages;
  const seen: { from: string; to: string; value: number; provisional?: true }[] = [];
  for (let m = Math.max(from, w.firstMonth); m <= to; m++) {
    const e = w.entryFor(m);
    if (!seen.length || seen[seen.length - 1]!.from !== e.from)
      seen.push({ ...e, ...(w.isProvisional(m) ? { provisional: true as const } : {}) });
  }
  const cite = f.rules.data.wages.citation;
  return {
    text: f.rules.text('wages', seen),
    key: 'wages',
    label: '上年度全市职工月平均工资（按缴费月份）',
    value: seen,
    from: seen[0]?.from ?? f.month(from),
    to: seen[seen.length - 1]?.to ?? f.month(to),
    citations: [f.rules.citationText(cite)],
  };
}

type BaseStep = Extract<NextStep, { kind: 'contribute_months' }> & {
  monthlyBase: number;
  minRatio: number;
  wageFigure: number;
};

/**
 * What the next band needs, found by trying it (issue 14): contribute k more months from the
 * application month on at a base reaching one ratio, and apply on the 1st of the month after. The
 * valid months before the application month are known, so the count of each tier in its window
 * at that later date is exact; months leaving the window are accounted for, and the tiers are
 * those in force then. The first k that raises the item wins, with the highest band it reaches.
 */
function baseStep(f: Facts, current: number): BaseStep | null {
  const w = f.rules.wages;
  const M = f.asOfMonth;
  // Valid months before the application month reaching a ratio, as prefix sums over the longest
  // window: had(from) = months in [from, M − 1], in O(1) for every k and tier.
  const SPAN = longestWindow(f);
  const prefixes = new Map<number, Int32Array>();
  const had = (pct: number, from: number): number => {
    let pre = prefixes.get(pct);
    if (!pre) {
      pre = new Int32Array(SPAN + 1);
      for (let m = M - SPAN; m < M; m++) {
        let ok = 0;
        for (const r of f.runs)
          if (r.valid && r.from <= m && r.to >= m && m >= w.firstMonth && r.baseFen >= pct * w.figureFor(m)) {
            ok = 1;
            break;
          }
        pre[m - (M - SPAN) + 1] = pre[m - (M - SPAN)]! + ok;
      }
      prefixes.set(pct, pre);
    }
    return pre[SPAN]! - pre[Math.max(0, from - (M - SPAN))]!;
  };
  for (let k = 1; k <= 60; k++) {
    const date = `${f.month(M + k)}-01`;
    const snap = f.rules.at(date > f.rules.lastDate ? f.rules.lastDate : date);
    const tiers = snap.params.insurance_base?.value.tiers;
    if (!tiers) return null;
    let figure = 0;
    for (let m = M; m < M + k; m++) figure = Math.max(figure, w.figureFor(m));
    let best: BaseStep | null = null;
    const ratios = [...new Set(tiers.map((t) => t.minRatio))].sort((a, b) => a - b);
    for (const ratio of ratios) {
      const base = Math.ceil((Math.round(ratio * 100) * figure) / 100);
      let pts = 0;
      for (const t of tiers) {
        const pct = Math.round(t.minRatio * 100);
        const before = t.windowMonths > k ? had(pct, M + k - t.windowMonths) : 0;
        const added = base * 100 >= pct * figure ? Math.min(k, t.windowMonths) : 0;
        if (before + added >= t.requiredMonths && t.points > pts) pts = t.points;
      }
      if (pts > current && (!best || pts > best.points))
        best = {
          kind: 'contribute_months',
          months: k,
          monthlyBase: base,
          minRatio: ratio,
          wageFigure: figure,
          date,
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
