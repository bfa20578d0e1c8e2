// 积分指标体系·基础指标·在本市工作及缴纳职工社会保险年限; 实施细则 第六条（四）; 政策解读 四:
// “每满1年积3分” — cumulative valid months strictly before the application month; no cap.
import { cnMonth } from '../factText.js';
import type { IndicatorFn } from '../Indicator.js';

export const insuranceYears: IndicatorFn<'insurance_years'> = (f, p, explain) => {
  const v = p.value;
  const months = f.validMonthsIn(-Infinity, f.asOfMonth - 1);
  const years = Math.floor(months / v.monthsPerYear);
  const points = years * v.pointsPerFullYear;
  if (!explain) return { points };
  let invalid = 0;
  for (const r of f.runs) if (!r.valid) invalid += Math.max(0, Math.min(r.to, f.asOfMonth - 1) - r.from + 1);
  const missing = v.monthsPerYear - (months % v.monthsPerYear);
  const date = `${f.month(f.asOfMonth + missing)}-01`;
  return {
    points,
    explanation:
      `申请当月（${f.month(f.asOfMonth)}）之前的本市职工社保有效缴费月份共 ${months} 个月，满 ${years} 年，每满1年积 ${v.pointsPerFullYear} 分：${points} 分。` +
      (invalid ? `另有 ${invalid} 个月为补缴、缴费单位与合同单位不一致或与个税不能合理对应，不计入。` : ''),
    inputs: { validMonths: months, excludedMonths: invalid },
    facts: f.contributionFacts(),
    next: `自${cnMonth(f.month(f.asOfMonth))}起再缴满 ${missing} 个月社保（${date} 申请）可得 ${points + v.pointsPerFullYear} 分（+${v.pointsPerFullYear} 分）。`,
    nextStep: { kind: 'contribute_months', months: missing, date, points: points + v.pointsPerFullYear },
  };
};
