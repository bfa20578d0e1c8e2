// 积分指标体系·加分指标·投资纳税或带动本地就业; 实施细则 第四条（二）4 (rules.md §4):
// average annual tax of the last 3 tax years × the holder's share: 10 points per full 100 000 CNY;
// or 10 points per full 10 Shanghai-hukou employees, using the smallest yearly headcount
// (Decision: “每年聘用” read as every year). The better route counts (Decision); capped.
import type { IndicatorFn } from '../Indicator.js';

export const investment: IndicatorFn<'investment'> = (f, p, explain) => {
  const v = p.value;
  const inv = f.profile.investment;
  const taxes = inv?.annualTax ?? [];
  const heads = inv?.hukouEmployees ?? [];
  let taxSum = 0;
  for (const t of taxes) taxSum += t;
  const share = inv?.share ?? 0;
  // Missing years count as 0 (profile.md). Compare in fen to avoid floating error at step edges.
  const attributedFen = Math.round((taxSum * 100 * share) / v.years);
  const taxPoints = Math.floor(attributedFen / (v.taxStep * 100)) * v.pointsPerTaxStep;
  let minHeads = heads.length < v.years ? 0 : Infinity;
  for (const h of heads) if (h < minHeads) minHeads = h;
  if (minHeads === Infinity) minHeads = 0;
  const empPoints = Math.floor(minHeads / v.employeeStep) * v.pointsPerEmployeeStep;
  const raw = Math.max(taxPoints, empPoints);
  const points = Math.min(raw, v.cap);
  if (!explain) return { points };
  if (!inv)
    return {
      points,
      explanation: '未申报投资纳税或带动本地就业，积 0 分。',
      inputs: { investment: null },
      next: `最近3年个人投资企业年均纳税额×持股比例每满 ${v.taxStep} 元积 ${v.pointsPerTaxStep} 分（或每年聘用本市户籍人员每满 ${v.employeeStep} 人积 ${v.pointsPerEmployeeStep} 分），最高 ${v.cap} 分。`,
    };
  const attributed = attributedFen / 100;
  const explanation =
    `纳税途径：最近${v.years}年纳税合计 ${taxSum} 元，年均 ${(taxSum / v.years).toFixed(2)} 元 × 持股 ${share} = ${attributed.toFixed(2)} 元，每满 ${v.taxStep} 元积 ${v.pointsPerTaxStep} 分：${taxPoints} 分。` +
    `就业途径：${v.years}年中最少的年度本市户籍聘用人数 ${minHeads} 人，每满 ${v.employeeStep} 人积 ${v.pointsPerEmployeeStep} 分：${empPoints} 分。` +
    `取较高者${raw > v.cap ? `，封顶 ${v.cap} 分` : ''}：${points} 分。`;
  let next: string | null = null;
  if (points < v.cap) {
    const nextTax = (Math.floor(attributedFen / (v.taxStep * 100)) + 1) * v.taxStep;
    next = `年均纳税额×持股比例达到 ${nextTax} 元（再增 ${(nextTax - attributed).toFixed(2)} 元）或每年聘用本市户籍人员达到 ${(Math.floor(minHeads / v.employeeStep) + 1) * v.employeeStep} 人，可得 +${v.pointsPerTaxStep} 分（最高 ${v.cap} 分）。`;
  }
  return { points, explanation, inputs: { investment: inv }, next };
};
