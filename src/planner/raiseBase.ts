import type { Contribution, Profile } from '../profile/profileSchema.js';
import { indexToFirstOfMonth, indexToIsoMonth, monthIndexOf } from '../shared/dates.js';
import { staticLever } from './projection.js';
import type { Candidate, Lever, PlannerContext } from './types.js';

/** The run still going on asOf (`to: null`), if any: the one the baseline continues. */
export function ongoingRun(profile: Profile): Contribution | undefined {
  return (profile.contributions ?? []).find((c) => c.to == null);
}

/** Ratio of a base to the latest published wage figure, e.g. 1.5. */
export const baseRatio = (base: number, ctx: PlannerContext): number => base / ctx.rules.wages.latest.value;

/** The whole-yuan base that reaches `ratio` × the latest published wage figure. */
export const baseForRatio = (ratio: number, ctx: PlannerContext): number =>
  Math.ceil((Math.round(ratio * 100) * ctx.rules.wages.latest.value) / 100);

/**
 * Contributions at no less than `base` from `startMonth` on: the run covering that month
 * is split there (months before keep their base, so the engine's windows fill up month by
 * month); a holder not contributing starts a new run then. Flags of the run are kept: a
 * raise does not repair an invalid run.
 */
export function baseFloorLever(startMonth: number, base: number): Lever {
  const startIso = indexToIsoMonth(startMonth);
  // The first application month that counts a contribution month ≥ startMonth.
  return staticLever(indexToFirstOfMonth(startMonth + 1), (p) => {
    const out: Contribution[] = [];
    let ongoing = false;
    let lastEnd = -Infinity;
    for (const c of p.contributions ?? []) {
      const to = c.to == null ? Infinity : monthIndexOf(c.to);
      if (c.to == null) ongoing = true;
      if (to > lastEnd) lastEnd = to;
      if (to < startMonth || c.base >= base) out.push(c);
      else if (monthIndexOf(c.from) < startMonth)
        out.push({ ...c, to: indexToIsoMonth(startMonth - 1) }, { ...c, from: startIso, base });
      else out.push({ ...c, base });
    }
    if (!ongoing) out.push({ from: indexToIsoMonth(Math.max(startMonth, lastEnd + 1)), to: null, base });
    return { ...p, contributions: out };
  });
}

const ratioText = (r: number): string => String(r);

/** Option id of the raise to `ratio` × the wage figure, e.g. `raise_base_1x`. */
export const raiseBaseId = (ratio: number): string => `raise_base_${ratioText(ratio)}x`;

/**
 * 提高缴费基数: one option per `insurance_base` tier ratio above the holder's current
 * base (the ratios come from the rules in force, e.g. 0.8 / 1.0 / 2.0 / 3.0×). The new
 * base is that multiple of the latest published wage figure, which the projection holds
 * constant; 1.0× also meets the base condition of 100/140-point titles and skills.
 */
export function raiseBaseCandidates(ctx: PlannerContext): Candidate[] {
  const tiers = ctx.snapshot.params.insurance_base?.value?.tiers ?? [];
  const a = ctx.assumptions.raiseBase;
  const run = ongoingRun(ctx.profile);
  const current = run?.base ?? 0;
  const latest = ctx.rules.wages.latest;
  const start = ctx.asOfMonth + Math.max(1, a.startAfterMonths);
  const ratios = [...new Set(tiers.map((t) => t.minRatio))].sort((x, y) => x - y);
  const out: Candidate[] = [];
  for (const ratio of ratios) {
    const base = baseForRatio(ratio, ctx);
    if (current >= base) continue;
    const tierPoints = tiers
      .filter((t) => t.minRatio === ratio)
      .map(
        (t) =>
          `近${t.windowMonths}个月中满${t.requiredMonths}个月达到 ${ratioText(ratio)} 倍可得 ${t.points} 分`,
      );
    out.push({
      id: raiseBaseId(ratio),
      kind: 'base',
      family: 'raise_base',
      levers: [baseFloorLever(start, base)],
      actions: [
        run
          ? `自 ${indexToIsoMonth(start)} 起将社保缴费基数由 ${current} 元提高到 ${base} 元（最新公布社平工资 ${latest.value} 元的 ${ratioText(ratio)} 倍）`
          : `自 ${indexToIsoMonth(start)} 起在本市就业并按 ${base} 元（最新公布社平工资 ${latest.value} 元的 ${ratioText(ratio)} 倍）缴纳职工社会保险`,
      ],
      assumptions: [
        `${a.startAfterMonths} 个月后（${indexToIsoMonth(start)}）开始按新基数缴费`,
        `缴费基数与实际工资、个税申报收入相符，由劳动合同单位缴纳，均为有效月份`,
        `社平工资保持最近公布的 ${latest.value} 元（${latest.from} 起）；实际每年调整，届时基数须同比提高才能保持 ${ratioText(ratio)} 倍`,
        `社保基数加分：${tierPoints.join('；')}`,
      ],
      effort: Math.max(1, Math.ceil(a.effortPerRatio * (ratio - baseRatio(current, ctx)))),
    });
  }
  return out;
}
