import { score } from '../engine/score.js';
import type { Profile } from '../profile/profileSchema.js';
import type { RuleSet } from '../rules/RuleSet.js';
import { indexToIsoMonth, monthIndexOf } from '../shared/dates.js';
import { JifenError } from '../shared/errors.js';
import { combineCandidates } from './combineCandidates.js';
import { explainOption, itemDiffs } from './explainOption.js';
import { investmentCandidates } from './investment.js';
import { keyAreaCandidates } from './keyArea.js';
import { qualificationCandidates } from './obtainQualification.js';
import { plannerAssumptions, type PlannerAssumptionsFile } from './plannerAssumptions.js';
import {
  applyLevers,
  bestOf,
  firstQualifying,
  LeverScan,
  scoreOn,
  timelineDates,
  toPoint,
  usesUnpublishedWages,
} from './projection.js';
import { raiseBaseCandidates } from './raiseBase.js';
import {
  PLAN_CONTRACT,
  type Candidate,
  type Plan,
  type PlanOption,
  type PlanOptions,
  type PlannerContext,
  type Point,
  type TimelinePoint,
} from './types.js';
import { degreeCandidates } from './upgradeDegree.js';

export const DEFAULT_HORIZON_MONTHS = 120;
export const MAX_HORIZON_MONTHS = 600;

/** Every option kind: each reads the rules and the assumptions, and returns profile transformations. */
const GENERATORS = [
  raiseBaseCandidates,
  qualificationCandidates,
  degreeCandidates,
  keyAreaCandidates,
  investmentCandidates,
];

interface Evaluated {
  candidate: Candidate;
  scan: LeverScan;
  reach: Point | null;
}

interface Rival {
  reach: Point | null;
  best: () => number;
}

const bestTotal = (e: Evaluated): number => bestOf(e.scan.all()).total;

/** Earlier reach first (never reaching last), then less effort, then the higher best total. */
function compare(a: Evaluated, b: Evaluated): number {
  if (a.reach && b.reach && a.reach.date !== b.reach.date) return a.reach.date < b.reach.date ? -1 : 1;
  if (!!a.reach !== !!b.reach) return a.reach ? -1 : 1;
  if (a.candidate.effort !== b.candidate.effort) return a.candidate.effort - b.candidate.effort;
  if (!a.reach) {
    const d = bestTotal(b) - bestTotal(a);
    if (d !== 0) return d;
  }
  return a.candidate.id < b.candidate.id ? -1 : 1;
}

/** Reaches the standard sooner than the rival, or — when neither reaches — gets further. */
function beats(e: Evaluated, r: Rival): boolean {
  if (e.reach) return !r.reach || e.reach.date < r.reach.date;
  return !r.reach && bestTotal(e) > r.best();
}

/** A stronger lever of the same family that reaches no sooner (or, never reaching, gets no further) for no less effort. */
function dominated(x: Evaluated, by: Evaluated): boolean {
  if (
    x === by ||
    !x.candidate.family ||
    x.candidate.family !== by.candidate.family ||
    by.candidate.effort > x.candidate.effort
  )
    return false;
  if (compare(by, x) >= 0) return false;
  if (by.reach) return !x.reach || by.reach.date <= x.reach.date;
  return !x.reach && bestTotal(by) >= bestTotal(x);
}

/** What a plan reads of the policy snapshot (src/policy/PolicyData.ts). */
export interface PlanningData {
  rules: RuleSet;
  planner: PlannerAssumptionsFile;
}

/**
 * 达标方案 (docs/spec/profile.md, Plan): the current score, the baseline "if nothing changes" month by
 * month, and the options that reach the standard sooner, ranked. Pure: every number comes
 * from the engine scoring (transformed) profiles as of later dates; no clock.
 */
export function plan(profile: Profile, options: PlanOptions, policy: PlanningData): Plan {
  const { rules } = policy;
  const horizon = options.horizonMonths ?? DEFAULT_HORIZON_MONTHS;
  if (!Number.isInteger(horizon) || horizon < 1 || horizon > MAX_HORIZON_MONTHS)
    throw new JifenError('validation_failed', '测算期（月数）有误', [
      { path: '$.horizonMonths', message: `应为 1 至 ${MAX_HORIZON_MONTHS} 之间的整数` },
    ]);
  const assumptions = plannerAssumptions(policy.planner, profile.asOf, options.assumptions);
  // The current score is exactly `jifen score`: an asOf outside every version is refused the same way.
  const current = score(profile, { explain: true }, rules);
  const dates = timelineDates(profile.asOf, horizon);
  const baseline: Point[] = dates.map((d, k) =>
    k === 0 ? toPoint(d, current) : toPoint(d, scoreOn(profile, d, rules)),
  );
  const baselineReach = firstQualifying(baseline);
  const baselineBest = bestOf(baseline);
  const last = baseline[baseline.length - 1]!;
  const warnings = planWarnings(profile, current.standard, baseline, baselineReach, rules);

  const ctx: PlannerContext = {
    profile,
    current,
    rules,
    snapshot: rules.at(profile.asOf),
    assumptions,
    asOfMonth: monthIndexOf(profile.asOf),
    dates,
    baseline,
  };

  let planOptions: PlanOption[] = [];
  if (current.qualified) {
    // Nothing reaches the standard sooner than today.
  } else if (last.vetoed) {
    warnings.push('一票否决情形在测算期末仍然存在，任何方案都不能使积分达标。');
  } else {
    const all = new Map<string, Evaluated>();
    const base: Rival = { reach: baselineReach, best: () => baselineBest.total };
    const rival = (e: Evaluated): Rival => ({ reach: e.reach, best: () => bestTotal(e) });
    const kept: Evaluated[] = [];
    // Listed only if it does better than the baseline, than each simpler option it is made of, and
    // than each option of its family already kept for no more effort (else it would be dominated).
    const evaluate = (c: Candidate): Evaluated | null => {
      const against = [
        base,
        ...(c.parts ?? []).flatMap((id) => (all.has(id) ? [rival(all.get(id)!)] : [])),
        ...kept
          .filter((k) => c.family && k.candidate.family === c.family && k.candidate.effort <= c.effort)
          .map(rival),
      ];
      // An option not qualified by the earliest date a rival qualifies cannot beat it.
      let deadline: string | null = null;
      for (const r of against)
        if (r.reach && (deadline === null || r.reach.date < deadline)) deadline = r.reach.date;
      const scan = new LeverScan(profile, c.levers, dates, baseline, rules);
      const e: Evaluated = { candidate: c, scan, reach: scan.toReach(deadline) };
      return (e.reach || scan.complete) && against.every((r) => beats(e, r)) ? e : null;
    };
    // Generators run in order, so a bundled base raise is evaluated before the title that includes
    // it, and weaker levers of a family (less effort) before stronger ones.
    for (const c of GENERATORS.flatMap((g) => g(ctx))) {
      const e = evaluate(c);
      if (e) {
        all.set(c.id, e);
        kept.push(e);
      }
    }
    const singles = kept.filter((x) => !kept.some((y) => dominated(x, y))).sort(compare);
    const alternatives = ctx.snapshot.params.qualification?.value.alternativeToEducation === true;
    const pairs = combineCandidates(
      singles.slice(0, assumptions.combinations.fromBestSingles).map((e) => e.candidate),
      alternatives,
    ).flatMap((c) => evaluate(c) ?? []);
    planOptions = [...singles, ...pairs].sort(compare).map((e) => toOption(e, ctx, baselineReach));
    const provisional = planOptions.filter((o) => o.provisional && o.reachesStandardOn).length;
    if (provisional)
      warnings.push(
        `${provisional} 个方案的达标日期用到尚未公布的社平工资或超出现行政策有效期的假定，标为“暂定”。`,
      );
  }

  return {
    contract: PLAN_CONTRACT,
    asOf: profile.asOf,
    standard: current.standard,
    horizonMonths: horizon,
    current,
    baseline: {
      reachesStandardOn: baselineReach ? baselineReach.date : null,
      timeline: baseline.map((p): TimelinePoint =>
        p.provisional
          ? { date: p.date, total: p.total, provisional: true }
          : { date: p.date, total: p.total },
      ),
    },
    options: planOptions,
    warnings,
  };
}

function toOption(e: Evaluated, ctx: PlannerContext, baselineReach: Point | null): PlanOption {
  const c = e.candidate;
  const points = e.scan.all();
  const best = bestOf(points);
  const at = e.reach ?? best;
  const k = ctx.dates.indexOf(at.date);
  // Explanations compare full item lists on one date: two more engine calls per option, not per month.
  const diffs = itemDiffs(
    scoreOn(applyLevers(ctx.profile, c.levers, at.date), at.date, ctx.rules),
    scoreOn(ctx.profile, at.date, ctx.rules),
    ctx.rules,
  );
  const last = points[points.length - 1]!;
  const provisional = e.reach ? e.reach.provisional : at.provisional;
  return {
    id: c.id,
    actions: c.actions,
    reachesStandardOn: e.reach ? e.reach.date : null,
    totalAtHorizon: last.total,
    bestTotal: best.total,
    assumptions: [
      ...c.assumptions,
      ...(k > 0 && usesUnpublishedWages(at, ctx.rules, applyLevers(ctx.profile, c.levers, at.date))
        ? [
            `${at.date} 的分值用到尚未公布的社平工资（按最近公布的 ${ctx.rules.wages.latest.value} 元），为暂定`,
          ]
        : []),
    ],
    explanation: explainOption({
      reach: e.reach,
      best,
      last,
      baselineReach,
      standard: ctx.current.standard,
      diffs,
    }),
    effort: c.effort,
    provisional,
  };
}

/** Warnings about the baseline: provisional figures, rules assumed to continue, stopped contributions, a fall back below the standard. */
function planWarnings(
  profile: Profile,
  standard: number,
  baseline: Point[],
  reach: Point | null,
  rules: RuleSet,
): string[] {
  const out: string[] = [];
  const runs = profile.contributions ?? [];
  if (!runs.some((c) => c.to == null))
    out.push(
      runs.length
        ? '社保缴费记录中没有持续中的期间（没有“至今”仍在缴费的一段）：基准预测假定此后不再在本市缴纳社保，社保年限不再增加。'
        : '未填写社保缴费记录：基准预测假定此后不在本市缴纳社保。',
    );
  const firstWage = baseline.find((p, k) => k > 0 && usesUnpublishedWages(p, rules, profile));
  if (firstWage)
    out.push(
      `自 ${firstWage.date} 起的预测用到尚未公布的社平工资（${indexToIsoMonth(rules.wages.lastMonth + 1)} 起的缴费月份按最近公布的 ${rules.wages.latest.value} 元计算），分值为暂定；社平工资每年调整，公布后应重新测算。`,
    );
  if (reach && usesUnpublishedWages(reach, rules, profile))
    out.push(`维持现状的达标日期 ${reach.date} 依赖尚未公布的社平工资，为暂定。`);
  const beyond = baseline.find((p) => p.date > rules.lastDate);
  if (beyond)
    out.push(
      `现行积分政策有效期至 ${rules.lastDate}；${beyond.date} 起的预测假定 ${rules.versionAt(rules.lastDate)?.id ?? ''} 规则延续，分值为暂定。`,
    );
  if (reach) {
    const k = baseline.indexOf(reach);
    const drop = baseline.slice(k).find((p) => !p.qualified);
    if (drop)
      out.push(
        `注意：维持现状下总分于 ${drop.date} 回落至 ${drop.total} 分，低于标准分值 ${standard} 分（年龄增长减分、减分记录或有效期变化），达标后应及时申请。`,
      );
  }
  return out;
}
