// 积分指标体系·加分指标·特定公共服务领域 (实施细则 第十三条: 环卫): 4 points per full year,
// counted only once 5 full years are reached, then all full years count (Decision). No cap.
import { cnPeriod, fact } from '../factText.js';
import type { IndicatorFn } from '../Indicator.js';

export const publicService: IndicatorFn<'public_service'> = (f, p, explain) => {
  const v = p.value;
  const months = f.monthsBeforeApplication(f.profile.publicService ?? []);
  const years = Math.floor(months / 12);
  let points = years >= v.thresholdYears ? years * v.pointsPerFullYear : 0;
  if (v.cap != null) points = Math.min(points, v.cap);
  if (!explain) return { points };
  const explanation = months
    ? `特定公共服务领域一线工作 ${months} 个月，满 ${years} 年；满 ${v.thresholdYears} 年后计入，每满1年积 ${v.pointsPerFullYear} 分：${points} 分。`
    : '未申报特定公共服务领域（环卫一线）工作经历，积 0 分。';
  const toThreshold = v.thresholdYears * 12 - months;
  const need = toThreshold > 0 ? toThreshold : 12 - (months % 12);
  const reached = Math.max(years + 1, v.thresholdYears) * v.pointsPerFullYear;
  const nextStep =
    v.cap != null && points >= v.cap
      ? null
      : {
          kind: 'full_years' as const,
          of: 'public_service' as const,
          months: need,
          date: `${f.month(f.asOfMonth + need)}-01`,
          points: v.cap != null ? Math.min(v.cap, reached) : reached,
        };
  const next = nextStep
    ? months
      ? `在环卫一线继续工作 ${need} 个月（满 ${Math.max(years + 1, v.thresholdYears)} 年），${nextStep.date} 申请可得 ${nextStep.points} 分。`
      : `在环卫一线工作满 ${v.thresholdYears} 年可得 ${nextStep.points} 分（满 ${v.thresholdYears} 年后开始计分）。`
    : null;
  const list = f.profile.publicService ?? [];
  const facts = list.length
    ? list.map((s) => fact('环卫一线工作期间', cnPeriod(s.from, s.to)))
    : [fact('环卫一线工作期间', '未填写')];
  return { points, explanation, inputs: { months, fullYears: years }, facts, next, nextStep };
};
