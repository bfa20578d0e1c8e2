// 积分指标体系·加分指标·表彰奖励; 实施细则 第四条（二）5; 政策解读 七: obtained while working in
// Shanghai, on the published catalogue: 市级机关专项 30, 市级机关综合 60, 省部级及以上 110. Highest only.
import type { IndicatorFn } from '../Indicator.js';

const NAMES = {
  municipal_special: '市级机关专项表彰',
  municipal_comprehensive: '市级机关综合表彰',
  national: '省部级及以上表彰',
} as const;

export const award: IndicatorFn<'award'> = (f, p, explain) => {
  const v = p.value;
  const awards = f.profile.awards ?? [];
  let points = 0;
  for (const a of awards) if (v[a.level] > points) points = v[a.level];
  if (!explain) return { points };
  return {
    points,
    explanation: awards.length
      ? `${awards.map((a) => `${NAMES[a.level]}（${v[a.level]} 分）`).join('、')}；只计最高一项：${points} 分。`
      : '未申报表彰奖励，积 0 分。',
    inputs: { awards },
    next: points < v.national ? `获得省部级及以上表彰奖励可得 ${v.national} 分。` : null,
  };
};
