// 积分指标体系·加分指标·投资纳税或带动本地就业; 实施细则 第四条（二）4 (rules.md §4):
// average annual tax of the last 3 tax years × the holder's share: 10 points per full 100 000 CNY;
// or 10 points per full 10 Shanghai-hukou employees, using the smallest yearly headcount
// (Decision: “每年聘用” read as every year). The better route counts (Decision); capped.
// Both routes need the holder's own investment in the enterprise (验资报告): `invested: false` → 0.
// Hiring counts stay as declared: the unit certifies 6+ months' insurance and current employment.
import { fact } from '../factText.js';
import type { IndicatorFn } from '../Indicator.js';

/** Floor to whole fen without rounding up at the boundary (99 999.997 is below 100 000; issue 14). */
export const floorFen = (yuan: number): number => Math.floor(yuan * 100 * (1 + 1e-12));

export const investment: IndicatorFn<'investment'> = (f, p, explain) => {
  const v = p.value;
  const inv = f.profile.investment;
  const invested = inv?.invested !== false;
  const taxes = inv?.annualTax ?? [];
  const heads = inv?.hukouEmployees ?? [];
  let taxSum = 0;
  for (const t of taxes) taxSum += t;
  const share = inv?.share ?? 0;
  // Missing years count as 0 (profile.md). Compare in whole fen, never rounding up at a step edge.
  const attributedFen = floorFen((taxSum * share) / v.years);
  const taxPoints = invested ? Math.floor(attributedFen / (v.taxStep * 100)) * v.pointsPerTaxStep : 0;
  let minHeads = heads.length < v.years ? 0 : Infinity;
  for (const h of heads) if (h < minHeads) minHeads = h;
  if (minHeads === Infinity) minHeads = 0;
  const empPoints = invested ? Math.floor(minHeads / v.employeeStep) * v.pointsPerEmployeeStep : 0;
  const raw = Math.max(taxPoints, empPoints);
  const points = Math.min(raw, v.cap);
  if (!explain) return { points };
  if (!inv)
    return {
      points,
      explanation: '未申报投资纳税或带动本地就业，积 0 分。',
      inputs: { investment: null },
      facts: [fact('投资纳税或带动本地就业', '未申报')],
      next: `本人投资（须有验资报告）的企业，最近${v.years}个纳税年度年均纳税额×持股比例每满 ${v.taxStep} 元积 ${v.pointsPerTaxStep} 分（或每年聘用本市户籍人员每满 ${v.employeeStep} 人积 ${v.pointsPerEmployeeStep} 分），最高 ${v.cap} 分。`,
    };
  const attributed = attributedFen / 100;
  const facts = [
    fact(
      '本人投资该企业（验资报告）',
      inv.invested === undefined ? '是（未填写，按是计）' : invested ? '是' : '否',
    ),
    fact('持股比例', `${+(share * 100).toFixed(4)}%`),
    fact(
      `最近${v.years}个纳税年度企业纳税额`,
      taxes.length ? taxes.map((t) => `${t}元`).join('、') : '未填写',
    ),
    fact(
      `最近${v.years}年每年聘用本市户籍人员`,
      heads.length
        ? `${heads.map((h) => `${h}人`).join('、')}（须连续缴纳社保6个月以上且申请当月仍在所聘单位）`
        : '未填写',
    ),
  ];
  if (!invested)
    return {
      points,
      explanation: '未在该企业投资（无验资报告），纳税与带动就业两条途径均不计分，积 0 分。',
      inputs: { investment: inv },
      facts,
      next: '本项须为本人投资的企业（提供验资报告），否则不计分。',
    };
  const explanation =
    `纳税途径：最近${v.years}年纳税合计 ${taxSum} 元，年均 ${(taxSum / v.years).toFixed(2)} 元 × 持股 ${share} = ${attributed.toFixed(2)} 元，每满 ${v.taxStep} 元积 ${v.pointsPerTaxStep} 分：${taxPoints} 分。` +
    `就业途径：${v.years}年中最少的年度本市户籍聘用人数 ${minHeads} 人，每满 ${v.employeeStep} 人积 ${v.pointsPerEmployeeStep} 分：${empPoints} 分。` +
    `取较高者${raw > v.cap ? `，封顶 ${v.cap} 分` : ''}：${points} 分。`;
  let next: string | null = null;
  if (points < v.cap) {
    // What each route needs on its own for the next step above the points already counted
    // (10 points from hiring: the tax route needs 200 000, not 100 000; issue 14).
    const target = Math.min(v.cap, points + Math.min(v.pointsPerTaxStep, v.pointsPerEmployeeStep));
    const taxNeed = Math.ceil(target / v.pointsPerTaxStep) * v.taxStep;
    const headsNeed = Math.ceil(target / v.pointsPerEmployeeStep) * v.employeeStep;
    next = `可得 ${target} 分：年均纳税额×持股比例达到 ${taxNeed} 元（现为 ${attributed.toFixed(2)} 元），或${v.years}年中每年聘用本市户籍人员达到 ${headsNeed} 人（现最少 ${minHeads} 人）。`;
  }
  return { points, explanation, inputs: { investment: inv }, facts, next };
};
