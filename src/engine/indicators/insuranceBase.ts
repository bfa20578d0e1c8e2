// 积分指标体系·加分指标·缴纳职工社会保险基数 (rules.md §4):
// from v2015: ≥36 valid months within the 48 before the application month at ≥0.8 / 1.0 / 2.0 × the
// average wage → 25 / 50 / 100; ≥24 valid months within the 36 before at ≥3.0 → 120.
// v2013: all 36 months before valid and at ≥0.8 / 1.0 / 2.0 → 25 / 50 / 100.
// A month counts toward every tier whose lower bound it reaches; the highest tier reached counts.
import type { ParameterValues } from '../../rules/rulesDataSchema.js';
import type { ParameterRead } from '../types.js';
import type { Facts } from '../Facts.js';
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
  const higher = tiers
    .map((t, i) => ({ t, i }))
    .filter(({ t }) => t.points > points)
    .sort((a, b) => a.t.points - b.t.points)[0];
  let next: string | null = null;
  if (higher) {
    const need = higher.t.requiredMonths - counts[higher.i]!;
    const latest = f.rules.wages.latest.value;
    next = `近${higher.t.windowMonths}个月中还需 ${need} 个有效月份的缴费基数不低于社平工资${higher.t.minRatio}倍（按最新社平 ${latest} 元，即月缴费基数不低于 ${Math.ceil(higher.t.minRatio * latest)} 元）可得 ${higher.t.points} 分。`;
  }
  return {
    points,
    explanation: `${parts.join('；')}。${reached >= 0 ? `达到最高一档：${points} 分。` : '未达到任何一档：0 分。'}`,
    inputs: {
      window: `${f.month(f.asOfMonth - maxWindow)}..${f.month(f.asOfMonth - 1)}`,
      monthsPerTier: counts,
    },
    next,
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
    key: 'wages',
    label: '上年度全市职工月平均工资（按缴费月份）',
    value: seen,
    from: seen[0]?.from ?? f.month(from),
    to: seen[seen.length - 1]?.to ?? f.month(to),
    citations: [f.rules.citationText(cite)],
  };
}
