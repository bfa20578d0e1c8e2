// 积分指标体系·基础指标·年龄; 政策解读 三:
// “持证人年龄在56—60周岁，积5分；年龄每减少1岁，积分增加2分。申请时年龄小于43岁（含43岁），即可达到高分值30分。”
import { formatYmd, fullYearsBetween } from '../../shared/dates.js';
import { anniversary } from '../anniversary.js';
import { cnDate, fact } from '../factText.js';
import type { IndicatorFn } from '../Indicator.js';

export const age: IndicatorFn<'age'> = (f, p, explain) => {
  const v = p.value;
  const years = fullYearsBetween(f.birth, f.asOfYmd);
  let points: number;
  if (years > v.baseToAge) points = 0;
  else if (years >= v.baseFromAge) points = v.basePoints;
  else points = Math.min(v.max, v.basePoints + v.pointsPerYearYounger * (v.baseFromAge - years));
  if (!explain) return { points };

  // The last age that still earns the maximum: 5 + 2×(56−a) ≥ 30 ⇔ a ≤ 43.
  const lastFullAge = v.baseFromAge - Math.ceil((v.max - v.basePoints) / v.pointsPerYearYounger);
  let explanation = `出生日期 ${f.profile.birthDate}，申请日 ${f.asOf} 时 ${years} 周岁。`;
  if (years > v.baseToAge) explanation += `年龄分档止于 ${v.baseToAge} 周岁，超过者积 0 分。`;
  else if (years >= v.baseFromAge)
    explanation += `${v.baseFromAge}—${v.baseToAge} 周岁积 ${v.basePoints} 分。`;
  else if (points === v.max) {
    const drop = anniversary(formatYmd(f.birth), lastFullAge + 1);
    explanation += `${lastFullAge} 周岁及以下积满分 ${v.max} 分；自 ${drop}（满 ${lastFullAge + 1} 周岁）起每长1岁减 ${v.pointsPerYearYounger} 分。`;
  } else
    explanation += `${v.baseFromAge}—${v.baseToAge} 周岁积 ${v.basePoints} 分，每小1岁加 ${v.pointsPerYearYounger} 分：${v.basePoints} + ${v.pointsPerYearYounger}×(${v.baseFromAge}−${years}) = ${points} 分。`;
  return {
    points,
    explanation,
    inputs: { birthDate: f.profile.birthDate, ageYears: years },
    facts: [
      fact('出生日期', cnDate(f.profile.birthDate)),
      fact('申请日期', cnDate(f.asOf)),
      fact('周岁', `${years}周岁`),
    ],
    next: points < v.max ? '年龄分只随年龄增长而减少，无法通过其他方式提高。' : null,
  };
};
