// 积分指标体系·加分指标·紧缺急需专业: 30 when the major is on the catalogue and the post matches it;
// adds to education. Decision: needs a scoring 大专+ credential; counts whichever of education and
// qualification is the counted alternative.
import { cnYesNo, fact } from '../factText.js';
import type { IndicatorFn } from '../Indicator.js';
import { credentialPoints } from './education.js';

export const shortageMajor: IndicatorFn<'shortage_major'> = (f, p, explain) => {
  const v = p.value;
  const sm = f.profile.shortageMajor;
  const onCatalog = sm?.onCatalog === true;
  const matches = sm?.matchesPost !== false;
  let hasEducation = !v.requiresEducationPoints;
  const edu = f.snapshot.params.education;
  if (!hasEducation && edu)
    for (const e of f.profile.education ?? []) if (credentialPoints(e, edu.value) > 0) hasEducation = true;
  const points = onCatalog && matches && hasEducation ? v.points : 0;
  if (!explain) return { points };
  let why: string;
  if (points) why = `所学专业在紧缺急需专业目录内且与所聘岗位相符，积 ${v.points} 分。`;
  else if (!sm || !onCatalog) why = '未申报紧缺急需专业（或专业不在目录内），积 0 分。';
  else if (!matches) why = '所学专业与所聘岗位不相符，积 0 分。';
  else why = '须持有计分的大专及以上学历，积 0 分。';
  return {
    points,
    explanation: why,
    inputs: { shortageMajor: sm ?? null },
    facts: sm
      ? [
          fact('所学专业在紧缺急需专业目录内', sm.onCatalog === true ? '是' : '否'),
          fact('与所聘岗位相符', cnYesNo(sm.matchesPost)),
        ]
      : [fact('紧缺急需专业', '未申报')],
    next: points ? null : `所学专业属紧缺急需专业目录且岗位相符的，可得 ${v.points} 分。`,
  };
};
