// 积分指标体系·加分指标·表彰奖励; 实施细则 第四条（二）5; 政策解读 七: obtained while working in
// Shanghai, on the published catalogue and filed (备案) by its organiser: 市级机关专项 30,
// 市级机关综合 60, 省部级及以上 110. Highest only. An award dated after asOf or failing a
// condition contributes 0 and the explanation names the award and the condition (profile.md, 2026-12).
import type { Profile } from '../../profile/profileSchema.js';
import { cnDate, cnYesNo, fact } from '../factText.js';
import type { IndicatorFn } from '../Indicator.js';

type Award = NonNullable<Profile['awards']>[number];

/** Why an award does not count on `asOf`, or undefined when it counts. */
export function awardFailure(a: Award, asOf: string): string | undefined {
  if (a.date !== undefined && a.date > asOf) return `获奖日期 ${a.date} 晚于申请日`;
  if (a.obtainedWhileWorkingInShanghai === false) return '非在本市工作期间获得';
  if (a.onCatalog === false) return '未列入本市表彰奖励目录';
  if (a.filed === false) return '未经主办单位备案';
  return undefined;
}

export const award: IndicatorFn<'award'> = (f, p, explain) => {
  const v = p.value;
  const awards = f.profile.awards ?? [];
  let points = 0;
  for (const a of awards) if (v[a.level] > points && !awardFailure(a, f.asOf)) points = v[a.level];
  if (!explain) return { points };
  const lines = awards.map((a) => {
    const why = awardFailure(a, f.asOf);
    return `${f.rules.term('awardLevel', a.level)}${a.date ? `（${a.date}）` : ''}${why ? `：不计分（${why}）` : `：${v[a.level]} 分`}`;
  });
  return {
    points,
    explanation: awards.length
      ? `${lines.join('；')}。只计最高一项：${points} 分。`
      : '未申报表彰奖励，积 0 分。',
    inputs: { awards },
    facts: awards.length
      ? awards.map((a) =>
          fact(
            f.rules.term('awardLevel', a.level),
            [
              a.date ? `获奖日期 ${cnDate(a.date)}` : '获奖日期未填写',
              `在本市工作期间获得：${cnYesNo(a.obtainedWhileWorkingInShanghai)}`,
              `列入表彰奖励目录：${cnYesNo(a.onCatalog)}`,
              `经主办单位备案：${cnYesNo(a.filed)}`,
            ].join('；'),
          ),
        )
      : [fact('表彰奖励', '未申报')],
    next:
      points < v.national
        ? `在本市工作期间获得列入目录并经备案的省部级及以上表彰奖励可得 ${v.national} 分。`
        : null,
  };
};
