// 积分指标体系·基础指标·专业技术职称和技能等级; 实施细则 第四条（二）2; 政策解读 五.
// Conditions (rules.md §3): matches the post; 100/140 grades need ≥6 of the 12 months before the
// application month at a base ≥ 1.0 × the average wage (else 0, not a lower grade); registration-type
// certificates registered; titles by review obtained while working in Shanghai; skill certificates
// obtained in Shanghai, or 三级 and above elsewhere verified nationally; trades on the 紧缺急需
// 高技能人才职业目录 (from v2018). The highest qualifying certificate counts.
import type { Qualification } from '../../profile/profileSchema.js';
import type { ParameterValues } from '../../rules/rulesDataSchema.js';
import type { Facts } from '../Facts.js';
import { cnMonth, cnYesNo, fact } from '../factText.js';
import type { FactText } from '../types.js';
import type { IndicatorFn, LadderStep } from '../Indicator.js';

const TITLE_NAMES = { junior: '初级职称', intermediate: '中级职称', senior: '高级职称' } as const;
const SKILL_NAMES = [
  '',
  '一级（高级技师）',
  '二级（技师）',
  '三级（高级工）',
  '四级（中级工）',
  '五级（初级工）',
] as const;

interface Candidate {
  index: number;
  grade: number;
  points: number;
  label: string;
  reason?: string;
}

function grade(q: Qualification, v: ParameterValues['qualification']): { grade: number; label: string } {
  if (q.type === 'title') return { grade: v.title[q.level], label: TITLE_NAMES[q.level] };
  if (q.type === 'skill')
    return { grade: v.skill[String(q.level) as '1'], label: `职业技能等级${SKILL_NAMES[q.level]}` };
  return {
    grade: v.title[q.equivalentLevel],
    label: `专业技术类职业资格（相当于${TITLE_NAMES[q.equivalentLevel]}）`,
  };
}

/** Why a certificate does not count, apart from the base condition; undefined if it may count. */
function ineligibility(q: Qualification, v: ParameterValues['qualification']): string | undefined {
  if (q.matchesPost === false) return '与所聘岗位不相符';
  if (q.type === 'title') {
    if (q.route === 'review' && q.obtainedWhileWorkingInShanghai === false)
      return '评审取得的职称须在本市工作期间取得';
  } else if (q.type === 'skill') {
    if (v.skillCatalogRequired && q.onShortageCatalog === false)
      return '工种不在本市紧缺急需高技能人才职业目录内';
    if (q.obtainedWhileWorkingInShanghai === false) {
      if (q.level > v.nonlocalSkillMinLevel) return '在外省市取得的技能证书须为三级及以上';
      if (q.verifiedNationally === false) return '在外省市取得的技能证书未经全国联网查询核验';
    }
  } else if (q.requiresRegistration === true && q.registered === false)
    return '注册类职业资格未注册或不在注册有效期内';
  return undefined;
}

/** A certificate as the form states it: kind, level and the conditions that apply to it. */
function certificateFact(q: Qualification, label: string): FactText {
  const parts = [label, `与所聘岗位相符：${cnYesNo(q.matchesPost)}`];
  if (q.type === 'title') {
    // profile.md: a title without `route` is treated as obtained by exam (no Shanghai condition).
    parts.push(
      q.route === 'review' ? '评审取得' : q.route === 'exam' ? '考试取得' : '取得方式未填写，按考试取得计',
    );
    if (q.route === 'review') parts.push(`在本市工作期间取得：${cnYesNo(q.obtainedWhileWorkingInShanghai)}`);
  } else if (q.type === 'skill') {
    parts.push(`工种在紧缺急需高技能人才职业目录内：${cnYesNo(q.onShortageCatalog)}`);
    parts.push(`在本市工作期间取得：${cnYesNo(q.obtainedWhileWorkingInShanghai)}`);
    if (q.obtainedWhileWorkingInShanghai === false)
      parts.push(`经全国联网查询核验：${cnYesNo(q.verifiedNationally)}`);
  } else if (q.requiresRegistration) parts.push(`已注册且在有效期内：${cnYesNo(q.registered)}`);
  return fact(
    q.type === 'title' ? '专业技术职称' : q.type === 'skill' ? '职业技能等级' : '专业技术类职业资格',
    parts.join('；'),
  );
}

export interface BaseCondition {
  met: boolean;
  months: number;
  required: number;
  windowFrom: number;
  windowTo: number;
}

export function baseCondition(f: Facts, v: ParameterValues['qualification']): BaseCondition {
  const bc = v.baseCondition;
  const windowTo = f.asOfMonth - 1;
  const windowFrom = f.asOfMonth - bc.windowMonths;
  const [months] = f.monthsAtRatios(windowFrom, windowTo, [Math.round(bc.minRatio * 100)]);
  return {
    met: months! >= bc.requiredMonths,
    months: months!,
    required: bc.requiredMonths,
    windowFrom,
    windowTo,
  };
}

export const qualification: IndicatorFn<'qualification'> = (f, p, explain) => {
  const v = p.value;
  const list = f.profile.qualifications ?? [];
  let base: BaseCondition | undefined;
  let best: Candidate | undefined;
  const candidates: Candidate[] = [];
  for (let i = 0; i < list.length; i++) {
    const q = list[i]!;
    const g = grade(q, v);
    let reason = ineligibility(q, v);
    if (!reason && g.grade >= v.baseCondition.appliesFromPoints) {
      base ??= baseCondition(f, v);
      if (!base.met)
        reason = `申请前${v.baseCondition.windowMonths}个月内缴费基数不低于社平工资${v.baseCondition.minRatio}倍的有效月份仅 ${base.months} 个，需 ${base.required} 个（不降档，计0分）`;
    }
    const c: Candidate = {
      index: i,
      grade: g.grade,
      points: reason ? 0 : g.grade,
      label: g.label,
      ...(reason ? { reason } : {}),
    };
    candidates.push(c);
    if (!best || c.points > best.points) best = c;
  }
  const points = best?.points ?? 0;
  if (!explain) return { points };

  const lines = candidates.map((c) => {
    const q = list[c.index]!;
    // profile.md: a title without `route` is treated as obtained by exam (no Shanghai condition).
    const route = q.type === 'title' && q.route === undefined ? '（取得方式未填写，按考试取得计）' : '';
    return `${c.label}${route}：${c.reason ? `不计分（${c.reason}）` : `${c.points} 分`}`;
  });
  const explanation = candidates.length
    ? `${lines.join('；')}。${candidates.length > 1 ? `取最高的合格证书：${points} 分。` : ''}`
    : '未填写专业技术职称、职业资格或技能等级证书，积 0 分。';
  // The credentials that would score more. The upper grades also need the base condition: when it
  // is not met the hint says so and carries no structured step (it could not be kept by itself).
  const bc = v.baseCondition;
  const cond = base ?? baseCondition(f, v);
  const needBase = cond.met
    ? undefined
    : `还须申请前${bc.windowMonths}个月内至少 ${bc.requiredMonths} 个月缴费基数不低于社平工资${bc.minRatio}倍（目前 ${cond.months} 个月）`;
  const skill3 = v.skill['3'];
  const ladder: LadderStep[] = [
    {
      points: skill3,
      text: `${v.skillCatalogRequired ? '紧缺急需工种的' : ''}三级（高级工）职业技能等级`,
      add: { qualification: { type: 'skill' as const, level: 3 } },
    },
    {
      points: v.title.intermediate,
      text: '中级职称',
      add: {
        qualification: { type: 'title' as const, level: 'intermediate' as const, route: 'exam' as const },
      },
    },
    {
      points: v.title.senior,
      text: '高级职称',
      add: { qualification: { type: 'title' as const, level: 'senior' as const, route: 'exam' as const } },
    },
  ]
    .filter((s) => s.points > points)
    .map((s) =>
      s.points >= bc.appliesFromPoints && needBase
        ? { points: s.points, text: s.text, condition: needBase }
        : s,
    );
  const facts: FactText[] = list.length
    ? list.map((q) => certificateFact(q, grade(q, v).label))
    : [fact('专业技术职称或技能等级', '未填写')];
  if (base)
    facts.push(
      fact(
        `申请前${v.baseCondition.windowMonths}个月内缴费基数不低于社平工资${v.baseCondition.minRatio}倍的有效月份`,
        `${base.months}个月（${cnMonth(f.month(base.windowFrom))}至${cnMonth(f.month(base.windowTo))}）`,
      ),
    );
  const inputs: Record<string, unknown> = { qualifications: list };
  if (base)
    inputs.baseCondition = {
      validMonthsAtOrAboveAverage: base.months,
      required: base.required,
      window: `${f.month(base.windowFrom)}..${f.month(base.windowTo)}`,
    };
  return { points, explanation, inputs, facts, ladder };
};
