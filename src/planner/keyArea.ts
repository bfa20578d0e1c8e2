import { indexToFirstOfMonth, indexToIsoMonth } from '../shared/dates.js';
import type { KeyAreaId } from '../profile/profileSchema.js';
import { staticLever } from './projection.js';
import type { Candidate, PlannerContext } from './types.js';

/**
 * 在远郊重点区域工作并居住: one option per threshold group of the areas in force on asOf
 * (临港新片区 3 years vs the 5-year areas), read from the rules. `lingang_old` is the
 * identifier of periods before 临港新片区 existed, not a place one can move to now.
 * Areas where the holder already works and lives (an ongoing period) are the baseline.
 */
export function keyAreaCandidates(ctx: PlannerContext): Candidate[] {
  const v = ctx.snapshot.params.key_area?.value;
  if (!v) return [];
  const a = ctx.assumptions.keyArea;
  const ongoing = new Set((ctx.profile.keyArea ?? []).filter((k) => k.to == null).map((k) => k.area));
  const groups = new Map<number, { ids: KeyAreaId[]; names: string[] }>();
  for (const [id, rule] of Object.entries(v.areas) as [
    KeyAreaId,
    { name: string; thresholdYears: number },
  ][]) {
    if (id === 'lingang_old') continue;
    const g = groups.get(rule.thresholdYears) ?? { ids: [], names: [] };
    g.ids.push(id);
    g.names.push(rule.name);
    groups.set(rule.thresholdYears, g);
  }
  const start = ctx.asOfMonth + Math.max(1, a.startAfterMonths);
  const out: Candidate[] = [];
  for (const [threshold, g] of [...groups].sort((x, y) => x[0] - y[0])) {
    if (g.ids.some((id) => ongoing.has(id))) continue;
    const area = g.ids[0]!;
    // Nothing is scored before the threshold is reached, unless earlier periods in these areas count towards it.
    const earlier = (ctx.profile.keyArea ?? []).some((k) => g.ids.includes(k.area));
    const firstEffect = indexToFirstOfMonth(earlier ? start + 1 : start + threshold * 12);
    const period = { area, from: indexToIsoMonth(start), to: null };
    const where = g.names.join('、');
    out.push({
      id: `key_area_${area}`,
      kind: 'keyArea',
      levers: [staticLever(firstEffect, (p) => ({ ...p, keyArea: [...(p.keyArea ?? []), period] }))],
      actions: [`自 ${indexToIsoMonth(start)} 起在${where}${g.names.length > 1 ? '之一' : ''}工作并居住`],
      assumptions: [
        `${a.startAfterMonths} 个月后（${indexToIsoMonth(start)}）工作单位和居住地均迁入该区域，此后不间断`,
        `满 ${threshold} 年后开始计分，每满1年积 ${v.pointsPerFullYear} 分，最高 ${v.cap} 分`,
      ],
      effort: a.effort,
    });
  }
  return out;
}
