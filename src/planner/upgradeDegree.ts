import type { Education } from '../profile/profileSchema.js';
import { indexToFirstOfMonth, indexToIsoMonth } from '../shared/dates.js';
import { staticLever } from './projection.js';
import type { Candidate, PlannerContext } from './types.js';

const RANK = { associate: 1, bachelor: 2, master: 3, doctor: 4 } as const;

/** Highest level held with its degree (a foreign credential only when recognised). */
function bestWithDegree(list: readonly Education[]): number {
  let best = 0;
  for (const e of list)
    if (e.degree === true && !(e.foreign === true && e.recognized === false))
      best = Math.max(best, RANK[e.level]);
  return best;
}

/**
 * 学历提升: 本科学历+学士学位 or 硕士研究生学历+学位 (e.g. 专升本, 在职研究生) when the holder
 * has no such degree yet, obtained after the assumed months. What it is worth — and that
 * education and titles are alternatives — is left to the engine.
 */
export function degreeCandidates(ctx: PlannerContext): Candidate[] {
  const held = bestWithDegree(ctx.profile.education ?? []);
  const v = ctx.snapshot.params.education?.value;
  if (!v) return [];
  const specs = [
    {
      id: 'degree_bachelor',
      level: 'bachelor',
      name: '本科学历并获学士学位',
      points: v.bachelorWithDegree,
      a: ctx.assumptions.degree.bachelor,
      key: 'degree.bachelor',
    },
    {
      id: 'degree_master',
      level: 'master',
      name: '硕士研究生学历和学位',
      points: v.masterWithDegree,
      a: ctx.assumptions.degree.master,
      key: 'degree.master',
    },
  ] as const;
  const out: Candidate[] = [];
  for (const s of specs) {
    if (held >= RANK[s.level]) continue;
    const month = ctx.asOfMonth + Math.max(1, s.a.months);
    const obtainedOn = indexToFirstOfMonth(month);
    const credential: Education = { level: s.level, degree: true };
    out.push({
      id: s.id,
      kind: 'education',
      family: 'degree',
      levers: [staticLever(obtainedOn, (p) => ({ ...p, education: [...(p.education ?? []), credential] }))],
      actions: [`取得${s.name}（预计 ${indexToIsoMonth(month)} 毕业）`],
      assumptions: [
        `自 ${ctx.profile.asOf} 起约 ${s.a.months} 个月取得，学历学位经国家认可`,
        `${s.name}按现行规定计 ${s.points} 分；教育背景与职称/技能二者只计其一（取高）`,
      ],
      effort: s.a.effort,
    });
  }
  return out;
}
