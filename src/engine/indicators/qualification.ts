// 积分指标体系·基础指标·专业技术职称和技能等级; 实施细则 第四条（二）2; 政策解读 五.
// Conditions (rules.md §3): matches the post; 100/140 grades need ≥6 of the 12 months before the
// application month at a base ≥ 1.0 × the average wage (else 0, not a lower grade); registration-type
// certificates registered; titles by review obtained while working in Shanghai; skill certificates
// obtained in Shanghai, or 三级 and above elsewhere verified nationally; trades on the 紧缺急需
// 高技能人才职业目录 (from v2018). The highest qualifying certificate counts.
import type { Qualification } from '../../profile/profileSchema.js';
import type { ParameterValues } from '../../rules/rulesDataSchema.js';
import type { Facts } from '../Facts.js';
import type { IndicatorFn } from '../Indicator.js';

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

  const lines = candidates.map((c) => `${c.label}：${c.reason ? `不计分（${c.reason}）` : `${c.points} 分`}`);
  const explanation = candidates.length
    ? `${lines.join('；')}。${candidates.length > 1 ? `取最高的合格证书：${points} 分。` : ''}`
    : '未填写专业技术职称、职业资格或技能等级证书，积 0 分。';
  const top = Math.max(v.title.senior, v.skill['1']);
  let next: string | null = null;
  if (points < top) {
    const needBase =
      base && !base.met
        ? `；100分、140分两档还须申请前12个月内至少 ${base.required} 个月缴费基数不低于社平工资（目前 ${base.months} 个月）`
        : '';
    next =
      points < v.title.intermediate
        ? `取得与岗位相符的中级职称可得 ${v.title.intermediate} 分，高级职称 ${v.title.senior} 分${needBase}。`
        : `取得高级职称或一级技能等级可得 ${top} 分${needBase}。`;
  }
  const inputs: Record<string, unknown> = { qualifications: list };
  if (base)
    inputs.baseCondition = {
      validMonthsAtOrAboveAverage: base.months,
      required: base.required,
      window: `${f.month(base.windowFrom)}..${f.month(base.windowTo)}`,
    };
  return { points, explanation, inputs, next };
};
