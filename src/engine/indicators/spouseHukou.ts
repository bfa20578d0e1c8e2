// 积分指标体系·加分指标·配偶为本市户籍人员: 4 points per full year of marriage, cap 40.
// Decision: a full year is a marriage anniversary reached by the application date.
import { fullYearsBetween, parseIsoDate } from '../../shared/dates.js';
import { anniversary } from '../anniversary.js';
import { cnDate, fact } from '../factText.js';
import type { IndicatorFn } from '../Indicator.js';

export const spouseHukou: IndicatorFn<'spouse_hukou'> = (f, p, explain) => {
  const v = p.value;
  const s = f.profile.spouse;
  const date =
    s?.shanghaiHukou === true && s.marriageDate && s.marriageDate <= f.asOf ? s.marriageDate : undefined;
  const years = date ? fullYearsBetween(parseIsoDate(date)!, f.asOfYmd) : 0;
  const points = Math.min(v.cap, years * v.pointsPerFullYear);
  if (!explain) return { points };
  // The next anniversary by the same rule as the count (02-29 → 03-01 in a common year).
  const nextStep =
    points < v.cap && date
      ? {
          kind: 'full_years' as const,
          of: 'marriage' as const,
          date: anniversary(date, years + 1),
          points: Math.min(v.cap, (years + 1) * v.pointsPerFullYear),
        }
      : null;
  let explanation: string;
  if (!s?.shanghaiHukou) explanation = '配偶非本市户籍（或未申报），积 0 分。';
  else if (!s.marriageDate) explanation = '未填写结婚登记日期，无法计算婚龄，积 0 分。';
  else if (!date) explanation = `结婚登记日期 ${s.marriageDate} 晚于申请日，积 0 分。`;
  else
    explanation = `配偶为本市户籍，${s.marriageDate} 结婚，至申请日满 ${years} 年，每满1年积 ${v.pointsPerFullYear} 分（最高 ${v.cap} 分）：${points} 分。`;
  return {
    points,
    explanation,
    inputs: { spouse: s ?? null, fullYears: years },
    facts: [
      fact('配偶为本市户籍', s?.shanghaiHukou === true ? '是' : s ? '否' : '未填写'),
      fact('结婚登记日期', s?.marriageDate ? cnDate(s.marriageDate) : '未填写'),
    ],
    next: nextStep
      ? `${nextStep.date} 婚满 ${years + 1} 年，届时申请可得 ${nextStep.points} 分（+${v.pointsPerFullYear} 分）。`
      : null,
    nextStep,
  };
};
