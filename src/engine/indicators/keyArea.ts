// 积分指标体系·加分指标·在远郊重点区域工作并居住; 实施细则 第十三条; 政策解读 六:
// 2 points per full year, cap 20, counted once the area's threshold is reached (临港新片区 3 years;
// 五个新城, 南北转型区域, 其他重点区域 5 years), then all full years count (Decision). Periods in
// different areas are scored per area; the highest counts. Areas in force depend on the date.
import type { IndicatorFn } from '../Indicator.js';

export const keyArea: IndicatorFn<'key_area'> = (f, p, explain) => {
  const v = p.value;
  const periods = f.profile.keyArea ?? [];
  const byArea = new Map<string, typeof periods>();
  for (const k of periods) byArea.set(k.area, [...(byArea.get(k.area) ?? []), k]);
  let points = 0;
  const lines: string[] = [];
  let bestNext: string | null = null;
  for (const [area, list] of byArea) {
    const rule = v.areas[area as keyof typeof v.areas];
    const months = f.monthsBeforeApplication(list);
    const years = Math.floor(months / 12);
    if (!rule) {
      if (explain) lines.push(`${area}：申请日不属于当时认定的远郊重点区域，不计分`);
      continue;
    }
    const pts = years >= rule.thresholdYears ? Math.min(v.cap, years * v.pointsPerFullYear) : 0;
    if (pts >= points) {
      points = pts;
      if (explain && pts < v.cap)
        bestNext =
          years < rule.thresholdYears
            ? `在${rule.name}再工作并居住满 ${rule.thresholdYears * 12 - months} 个月（满 ${rule.thresholdYears} 年）可得 ${rule.thresholdYears * v.pointsPerFullYear} 分。`
            : `在${rule.name}再满 ${12 - (months % 12)} 个月可得 +${v.pointsPerFullYear} 分。`;
    }
    if (explain)
      lines.push(
        `${rule.name}：${months} 个月，满 ${years} 年（满 ${rule.thresholdYears} 年后计入）${pts} 分`,
      );
  }
  if (!explain) return { points };
  if (!periods.length)
    bestNext = `在临港新片区工作并居住满 ${v.areas.lingang?.thresholdYears ?? 3} 年后每满1年积 ${v.pointsPerFullYear} 分，最高 ${v.cap} 分。`;
  return {
    points,
    explanation: periods.length
      ? `${lines.join('；')}。每满1年积 ${v.pointsPerFullYear} 分，最高 ${v.cap} 分，取最高区域：${points} 分。`
      : '未申报在远郊重点区域工作并居住，积 0 分。',
    inputs: { keyArea: periods },
    next: points >= v.cap ? null : bestNext,
  };
};
