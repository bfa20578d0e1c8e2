import type { Qualification } from '../profile/profileSchema.js';
import { indexToFirstOfMonth, indexToIsoMonth } from '../shared/dates.js';
import { staticLever } from './projection.js';
import { baseFloorLever, baseForRatio, baseRatio, ongoingRun, raiseBaseId } from './raiseBase.js';
import type { Candidate, Lever, PlannerContext } from './types.js';

const TITLE_NAMES = { intermediate: '中级职称', senior: '高级职称' } as const;
const SKILL_NAMES = { 1: '一级（高级技师）', 2: '二级（技师）', 3: '三级（高级工）' } as const;

function addQualification(q: Qualification, obtainedOn: string): Lever {
  return staticLever(obtainedOn, (p) => ({ ...p, qualifications: [...(p.qualifications ?? []), q] }));
}

/** Points the alternative education/qualification currently contributes (the higher counts). */
function countedAlternative(ctx: PlannerContext): number {
  let pts = 0;
  for (const i of ctx.current.items)
    if ((i.id === 'education' || i.id === 'qualification') && i.points > pts) pts = i.points;
  return pts;
}

/**
 * 取得职称或技能等级: an intermediate/senior title (by exam) or a skill level on the
 * 紧缺急需 catalogue, obtained after the assumed months. The 100- and 140-point grades
 * count only with the base condition (≥ N of the 12 months before applying at ≥ 1.0×
 * the wage figure, read from the rules): when the holder's base is below it, the option
 * raises the base too, and says so.
 */
export function qualificationCandidates(ctx: PlannerContext): Candidate[] {
  const q = ctx.snapshot.params.qualification?.value;
  if (!q) return [];
  const a = ctx.assumptions;
  const counted = countedAlternative(ctx);
  const hasIntermediate = (ctx.profile.qualifications ?? []).some(
    (x) => x.type === 'title' && x.level === 'intermediate',
  );
  const specs: {
    id: string;
    grade: number;
    name: string;
    months: number;
    effort: number;
    qual: Qualification;
    how: string;
  }[] = [
    {
      id: 'title_intermediate',
      grade: q.title.intermediate,
      name: TITLE_NAMES.intermediate,
      months: a.title.intermediate.months,
      effort: a.title.intermediate.effort,
      qual: { type: 'title', level: 'intermediate', route: 'exam', matchesPost: true },
      how: '通过考试取得与所聘岗位相符的',
    },
    {
      id: 'title_senior',
      grade: q.title.senior,
      name: TITLE_NAMES.senior,
      months: hasIntermediate ? a.title.senior.months : a.title.senior.monthsWithoutIntermediate,
      effort: a.title.senior.effort,
      qual: { type: 'title', level: 'senior', route: 'exam', matchesPost: true },
      how: hasIntermediate
        ? '在现有中级职称基础上取得与所聘岗位相符的'
        : '先取得中级、再取得与所聘岗位相符的',
    },
    ...([3, 2, 1] as const).map((level) => ({
      id: `skill_${level}`,
      grade: q.skill[String(level) as '1'],
      name: `职业技能等级${SKILL_NAMES[level]}`,
      months: a.skill[String(level) as '1'].months,
      effort: a.skill[String(level) as '1'].effort,
      qual: {
        type: 'skill',
        level,
        matchesPost: true,
        onShortageCatalog: true,
        obtainedWhileWorkingInShanghai: true,
      } as Qualification,
      how: '在本市工作期间取得紧缺急需高技能人才职业目录内、与岗位相符的',
    })),
  ];
  const out: Candidate[] = [];
  for (const s of specs) {
    if (s.grade <= counted) continue; // cannot raise the counted alternative
    // Obtained on the 1st of a later month: the asOf point is the holder's present.
    const obtained = ctx.asOfMonth + Math.max(1, s.months);
    const obtainedOn = indexToFirstOfMonth(obtained);
    const levers: Lever[] = [addQualification(s.qual, obtainedOn)];
    const actions = [`${s.how}${s.name}（预计 ${indexToIsoMonth(obtained)} 取得）`];
    const assumptions = [`自 ${ctx.profile.asOf} 起约 ${s.months} 个月取得`];
    let effort = s.effort;
    let parts: string[] | undefined;
    const bc = q.baseCondition;
    if (s.grade >= bc.appliesFromPoints) {
      const need = baseForRatio(bc.minRatio, ctx);
      const current = ongoingRun(ctx.profile)?.base ?? 0;
      assumptions.push(
        `${s.grade} 分档须申请前 ${bc.windowMonths} 个月内至少 ${bc.requiredMonths} 个月缴费基数不低于社平工资 ${bc.minRatio} 倍（按最新公布社平工资即 ${need} 元）`,
      );
      if (current < need) {
        const start = ctx.asOfMonth + Math.max(1, a.raiseBase.startAfterMonths);
        levers.push(baseFloorLever(start, need));
        actions.push(
          `自 ${indexToIsoMonth(start)} 起将社保缴费基数提高到 ${need} 元，满足职称/技能计分的缴费基数条件`,
        );
        effort += Math.max(
          1,
          Math.ceil(a.raiseBase.effortPerRatio * (bc.minRatio - baseRatio(current, ctx))),
        );
        parts = [raiseBaseId(bc.minRatio)];
      }
    }
    assumptions.push('证书与所聘岗位相符；教育背景与职称/技能二者只计其一（取高）');
    out.push({
      id: s.id,
      kind: 'qualification',
      family: s.id.startsWith('skill') ? 'skill' : 'title',
      levers,
      actions,
      assumptions,
      effort,
      ...(parts ? { parts } : {}),
    });
  }
  return out;
}
