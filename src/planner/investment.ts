import type { Profile } from '../profile/profileSchema.js';
import { indexToIsoMonth } from '../shared/dates.js';
import type { Candidate, Lever, PlannerContext } from './types.js';

/** The last `years` yearly values, oldest first, padded with 0 for missing years (docs/spec/profile.md). */
const lastYears = (values: readonly number[] | undefined, years: number): number[] => {
  const v = (values ?? []).slice(-years);
  return [...new Array<number>(years - v.length).fill(0), ...v];
};

/**
 * A yearly amount added from the first full calendar (tax) year after `start`: scored on
 * a date in year Y, the last `years` tax years are Y−years..Y−1, and the new amount is in
 * those of them that have begun on or after the start.
 */
function yearlyLever(
  firstYear: number,
  years: number,
  firstEffect: string,
  add: (inv: NonNullable<Profile['investment']>, k: number) => NonNullable<Profile['investment']>,
): Lever {
  return {
    firstEffect,
    apply(p, date) {
      const k = Math.min(years, Number(date.slice(0, 4)) - firstYear);
      return k > 0 ? { ...p, investment: add(p.investment ?? {}, k) } : p;
    },
  };
}

/**
 * 投资纳税 / 带动本地就业: invest in a company whose tax (the holder's share) or whose
 * Shanghai-hukou hires earn the points still missing. The amount is sized from the rules
 * (tax step, points per step, cap, years) to close the baseline's gap on the date the
 * first full `years` tax years are complete; the engine then scores every month.
 */
export function investmentCandidates(ctx: PlannerContext): Candidate[] {
  const v = ctx.snapshot.params.investment?.value;
  const standard = ctx.current.standard;
  if (!v) return [];
  const out: Candidate[] = [];
  for (const route of ['tax', 'hiring'] as const) {
    const a = route === 'tax' ? ctx.assumptions.investment : ctx.assumptions.hiring;
    const startMonth = ctx.asOfMonth + Math.max(1, a.startAfterMonths);
    const firstYear = Math.floor(startMonth / 12) + (startMonth % 12 === 0 ? 0 : 1);
    const full = `${firstYear + v.years}-01-01`;
    const at = ctx.baseline.find((p) => p.date >= full) ?? ctx.baseline[ctx.baseline.length - 1]!;
    const perStep = route === 'tax' ? v.pointsPerTaxStep : v.pointsPerEmployeeStep;
    const steps = Math.max(
      1,
      Math.min(Math.floor(v.cap / perStep), Math.ceil((standard - at.total) / perStep)),
    );
    const common = [
      `${a.startAfterMonths} 个月后（${indexToIsoMonth(startMonth)}）完成投资，${firstYear} 年为第一个完整纳税年度`,
      `按最近 ${v.years} 个纳税年度计算，不足 ${v.years} 年的年份按 0 计`,
    ];
    if (route === 'tax') {
      const tax = steps * v.taxStep;
      out.push({
        id: 'investment_tax',
        kind: 'investment',
        levers: [
          yearlyLever(firstYear, v.years, `${firstYear + 1}-01-01`, (inv, k) => {
            const share = inv.share ?? 0;
            const taxes = lastYears(inv.annualTax, v.years).map(
              (t, i) => t * share + (i >= v.years - k ? tax : 0),
            );
            return { ...inv, share: 1, annualTax: taxes };
          }),
        ],
        actions: [`投资创办或入股企业，自 ${firstYear} 年起每年按持股比例计算的纳税额达到 ${tax} 元`],
        assumptions: [
          ...common,
          `年均纳税额×持股比例每满 ${v.taxStep} 元积 ${v.pointsPerTaxStep} 分，最高 ${v.cap} 分；按 ${at.date} 尚差的分数测算所需纳税额`,
        ],
        effort: a.effort,
      });
    } else {
      const heads = steps * v.employeeStep;
      out.push({
        id: 'investment_hiring',
        kind: 'investment',
        levers: [
          // The smallest of the yearly headcounts counts: with none employed before, nothing changes until every year has hires.
          yearlyLever(
            firstYear,
            v.years,
            `${firstYear + ((ctx.profile.investment?.hukouEmployees ?? []).some((h) => h > 0) ? 1 : v.years)}-01-01`,
            (inv, k) => ({
              ...inv,
              hukouEmployees: lastYears(inv.hukouEmployees, v.years).map(
                (h, i) => h + (i >= v.years - k ? heads : 0),
              ),
            }),
          ),
        ],
        actions: [`投资创办企业，自 ${firstYear} 年起每年聘用本市户籍人员 ${heads} 人`],
        assumptions: [
          ...common,
          `连续 ${v.years} 年每年聘用本市户籍人员每满 ${v.employeeStep} 人积 ${v.pointsPerEmployeeStep} 分（取 ${v.years} 年中最少的年度人数），最高 ${v.cap} 分`,
        ],
        effort: a.effort,
      });
    }
  }
  return out;
}
