// 积分指标体系·基础指标·教育背景; 实施细则 第四条（二）1:
// 大专（高职）50分；本科学历60分；本科学士学位90分；硕士100分；博士110分。
// 国（境）外学历学位须经教育部留学服务中心认证。
import type { Education } from '../../profile/profileSchema.js';
import type { ParameterValues } from '../../rules/rulesDataSchema.js';
import { fact } from '../factText.js';
import type { IndicatorFn, LadderStep } from '../Indicator.js';

const LEVEL_NAMES = {
  associate: '大专（高职）',
  bachelor: '本科',
  master: '硕士研究生',
  doctor: '博士研究生',
} as const;

export interface CredentialScore {
  index: number;
  points: number;
  label: string;
}

/** Points of one credential (the lean path: no strings built). */
export function credentialPoints(e: Education, v: ParameterValues['education']): number {
  if (e.foreign === true && e.recognized === false) return 0;
  switch (e.level) {
    case 'associate':
      return v.associate;
    case 'bachelor':
      return e.degree === true ? v.bachelorWithDegree : v.bachelorWithoutDegree;
    case 'master':
      return e.degree === true ? v.masterWithDegree : v[v.postgraduateWithoutDegreeScoresAs];
    default:
      return e.degree === true ? v.doctorWithDegree : v[v.postgraduateWithoutDegreeScoresAs];
  }
}

/** Points and a Chinese label of one credential, for explanations; agrees with credentialPoints. */
export function scoreCredential(
  e: Education,
  v: ParameterValues['education'],
): { points: number; label: string } {
  if (e.foreign === true && e.recognized === false)
    return { points: 0, label: `${LEVEL_NAMES[e.level]}（国（境）外，未经留学服务中心认证，不计分）` };
  switch (e.level) {
    case 'associate':
      return { points: v.associate, label: LEVEL_NAMES.associate };
    case 'bachelor':
      return e.degree === true
        ? { points: v.bachelorWithDegree, label: '本科学历+学士学位' }
        : { points: v.bachelorWithoutDegree, label: '本科学历（无学士学位）' };
    default:
      return e.degree === true
        ? {
            points: e.level === 'master' ? v.masterWithDegree : v.doctorWithDegree,
            label: `${LEVEL_NAMES[e.level]}学历+学位`,
          }
        : // Decision (rules.md §3): a postgraduate credential without its degree scores as 本科 without degree.
          {
            points: v[v.postgraduateWithoutDegreeScoresAs],
            label: `${LEVEL_NAMES[e.level]}学历（无学位，按本科学历计）`,
          };
  }
}

/** The best credential; education vs qualification is settled afterwards (alternatives). */
export const education: IndicatorFn<'education'> = (f, p, explain) => {
  const list = f.profile.education ?? [];
  if (!explain) {
    let points = 0;
    for (const e of list) {
      const pts = credentialPoints(e, p.value);
      if (pts > points) points = pts;
    }
    return { points };
  }
  let best: CredentialScore | undefined;
  for (let i = 0; i < list.length; i++) {
    const s = scoreCredential(list[i]!, p.value);
    if (!best || s.points > best.points) best = { index: i, ...s };
  }
  const points = best?.points ?? 0;
  const v = p.value;
  const explanation = best
    ? `${list.length > 1 ? `共 ${list.length} 项学历，取最高：` : ''}${best.label}，积 ${points} 分。`
    : '未填写大专及以上学历，积 0 分。';
  const ladder = (
    [
      { points: v.associate, text: '大专（高职）学历', add: { education: { level: 'associate' } } },
      {
        points: v.bachelorWithDegree,
        text: '本科学历并获学士学位',
        add: { education: { level: 'bachelor', degree: true } },
      },
      {
        points: v.masterWithDegree,
        text: '硕士研究生学历学位',
        add: { education: { level: 'master', degree: true } },
      },
      {
        points: v.doctorWithDegree,
        text: '博士研究生学历学位',
        add: { education: { level: 'doctor', degree: true } },
      },
    ] satisfies LadderStep[]
  ).filter((s) => s.points > points);
  const facts = list.length
    ? list.map((e) => fact('学历学位', scoreCredential(e, v).label))
    : [fact('学历学位', '未填写')];
  return { points, explanation, inputs: { best: best ? list[best.index] : null }, facts, ladder };
};
