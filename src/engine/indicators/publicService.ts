// 积分指标体系·加分指标·特定公共服务领域 (实施细则 第十三条: 环卫领域): 4 points per full year,
// counted only once 5 full years are reached, then all full years count (Decision). No cap.
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
  const next =
    toThreshold > 0
      ? months
        ? `再满 ${toThreshold} 个月（满 ${v.thresholdYears} 年）可得 ${v.thresholdYears * v.pointsPerFullYear} 分。`
        : `在环卫等特定公共服务领域一线工作满 ${v.thresholdYears} 年可得 ${v.thresholdYears * v.pointsPerFullYear} 分。`
      : `再满 ${12 - (months % 12)} 个月可得 +${v.pointsPerFullYear} 分。`;
  return { points, explanation, inputs: { months, fullYears: years }, next };
};
