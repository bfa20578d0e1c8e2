// 积分指标体系·加分指标·在远郊重点区域工作并居住; 实施细则 第十三条; 政策解读 六:
// 2 points per full year, cap 20, counted once the area's threshold is reached (临港新片区 3 years;
// 五个新城, 南北转型区域, 其他重点区域 5 years; before 2019-08-20 临港地区 5 years), then all full
// years count (Decision). Periods in different areas are scored per area; the highest counts. Areas
// in force, and their thresholds, are dated data (rules/parameters/key_area.yaml): never literals here.
import type { KeyAreaId } from '../../profile/profileSchema.js';
import { monthIndexOf } from '../../shared/dates.js';
import { cnPeriod, fact } from '../factText.js';
import type { Facts } from '../Facts.js';
import type { IndicatorFn } from '../Indicator.js';
import type { NextStep } from '../types.js';
import type { ParameterValues } from '../../rules/rulesDataSchema.js';

type AreaStep = Extract<NextStep, { kind: 'full_years' }> & { months: number; area: KeyAreaId };

/** How far ahead a hint looks for an area to start counting (months). */
const HORIZON = 240;

/** The key-area rules on the 1st of each month after application month M (from the rules alone). */
interface AreaTrials {
  /** Index k (1 … HORIZON): the date tried and the key-area value in force then (undefined: none). */
  dates: string[];
  values: (ParameterValues['key_area'] | undefined)[];
  /**
   * The months tried, ascending, for each count of months already served modulo 12: those on which
   * a year completes and those on which the rules change (the points change on no other month).
   */
  ks: number[][];
}

function areaTrials(f: Facts): AreaTrials {
  const rules = f.rules;
  const M = f.asOfMonth;
  return rules.memo('areaTrials', M, () => {
    const dates: string[] = [];
    const values: (ParameterValues['key_area'] | undefined)[] = [];
    for (let k = 1; k <= HORIZON; k++) {
      const date = `${f.month(M + k)}-01`;
      dates[k] = date;
      values[k] = rules.at(date > rules.lastDate ? rules.lastDate : date).params.key_area?.value;
    }
    const changes: number[] = [];
    for (const e of rules.data.parameters.key_area.values) {
      const k = monthIndexOf(e.from) + (e.from.endsWith('-01') ? 0 : 1) - M;
      if (k >= 1 && k <= HORIZON) changes.push(k);
    }
    const ks: number[][] = [];
    for (let rest = 0; rest < 12; rest++) {
      const set = new Set<number>();
      for (let k = 12 - rest; k <= HORIZON; k += 12) set.add(k);
      for (const k of changes) set.add(k);
      ks.push([...set].sort((a, b) => a - b));
    }
    return { dates, values, ks };
  });
}

/**
 * The earliest date on which working and living on in `area` from the application month raises
 * this item above `current`, under the rules in force on that date (so an area not yet recognised,
 * or a threshold that changes, is accounted for). The months tried and the rules on them are built
 * once per application month (areaTrials).
 */
function areaStep(f: Facts, area: KeyAreaId, before: number, current: number): AreaStep | null {
  const { dates, values, ks } = areaTrials(f);
  // The points change only when a year completes or the rules change: try those months only.
  for (const k of ks[before % 12]!) {
    const v = values[k];
    const rule = v?.areas[area];
    if (!v || !rule) continue;
    const years = Math.floor((before + k) / 12);
    const pts = years >= rule.thresholdYears ? Math.min(v.cap, years * v.pointsPerFullYear) : 0;
    if (pts > current)
      return { kind: 'full_years', of: 'key_area', area, months: k, date: dates[k]!, points: pts };
  }
  return null;
}

export const keyArea: IndicatorFn<'key_area'> = (f, p, explain) => {
  const v = p.value;
  const periods = f.profile.keyArea ?? [];
  const byArea = new Map<KeyAreaId, typeof periods>();
  for (const k of periods) byArea.set(k.area, [...(byArea.get(k.area) ?? []), k]);
  let points = 0;
  const lines: string[] = [];
  const months = new Map<KeyAreaId, number>();
  for (const [area, list] of byArea) {
    const rule = v.areas[area];
    const m = f.monthsBeforeApplication(list);
    months.set(area, m);
    const years = Math.floor(m / 12);
    if (!rule) {
      if (explain)
        lines.push(`${f.rules.term('keyArea', area)}：${m} 个月，申请日尚未列为远郊重点区域，暂不计分`);
      continue;
    }
    const pts = years >= rule.thresholdYears ? Math.min(v.cap, years * v.pointsPerFullYear) : 0;
    if (pts > points) points = pts;
    if (explain)
      lines.push(`${rule.name}：${m} 个月，满 ${years} 年（满 ${rule.thresholdYears} 年后计入）${pts} 分`);
  }
  if (!explain) return { points };

  // The hint: the earliest raise over the declared areas, or, with none declared, over every area.
  let nextStep: AreaStep | null = null;
  if (points < v.cap) {
    // Declared areas; with none declared, the areas in force on asOf (临港地区 before 2019-08-20).
    const areas = byArea.size ? [...byArea.keys()] : (Object.keys(v.areas) as KeyAreaId[]);
    for (const area of areas) {
      const s = areaStep(f, area, months.get(area) ?? 0, points);
      if (
        s &&
        (!nextStep || s.date < nextStep.date || (s.date === nextStep.date && s.points > nextStep.points))
      )
        nextStep = s;
    }
  }
  let next: string | null = null;
  if (nextStep) {
    const name = f.rules.term('keyArea', nextStep.area);
    const recognised = v.areas[nextStep.area] !== undefined;
    next = byArea.has(nextStep.area)
      ? `在${name}继续工作并居住 ${nextStep.months} 个月，${nextStep.date} 申请可得 ${nextStep.points} 分${recognised ? '' : `（该区域于申请日尚未列为远郊重点区域，按届时有效的规定计分）`}。`
      : `自本月起在${name}工作并居住满 ${nextStep.months} 个月，${nextStep.date} 申请可得 ${nextStep.points} 分（每满1年积 ${v.pointsPerFullYear} 分，最高 ${v.cap} 分）。`;
  }
  const unrecognised = [...byArea.keys()].filter((a) => !v.areas[a]);
  return {
    points,
    explanation: periods.length
      ? `${lines.join('；')}。每满1年积 ${v.pointsPerFullYear} 分，最高 ${v.cap} 分，取最高区域：${points} 分。${
          unrecognised.length
            ? `申请日有效的远郊重点区域为：${Object.values(v.areas)
                .map((a) => a.name)
                .join('、')}。`
            : ''
        }`
      : '未申报在远郊重点区域工作并居住，积 0 分。',
    inputs: { keyArea: periods },
    facts: periods.length
      ? periods.map((k) => fact(`在${f.rules.term('keyArea', k.area)}工作并居住`, cnPeriod(k.from, k.to)))
      : [fact('在远郊重点区域工作并居住', '未填写')],
    next,
    nextStep,
  };
};
