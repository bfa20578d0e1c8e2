import type { Profile } from '../profile/profileSchema.js';
import type { RuleSet } from '../rules/RuleSet.js';
import { indexToIsoMonth } from '../shared/dates.js';
import { Facts } from './Facts.js';
import { citationsOf, paramRead, type Outcome } from './Indicator.js';
import { INDICATORS } from './indicators/index.js';
import {
  INDICATOR_IDS,
  RESULT_CONTRACT,
  type IndicatorGroup,
  type IndicatorId,
  type ResultItem,
  type ScoreOptions,
  type ScoreResult,
} from './types.js';
import { vetoes } from './vetoes.js';

/**
 * The points engine: a pure function of a validated profile, the rules data
 * and the profile's `asOf`. No clock, no I/O. The simulator, the planner and
 * the official determination all call this one function.
 */
export function score(profile: Profile, options: ScoreOptions, rules: RuleSet): ScoreResult {
  const explain = options.explain !== false;
  const asOf = profile.asOf;
  const warnings: string[] = [];
  let beyond = false;
  let snapshot;
  if (options.assumeRulesContinue && asOf > rules.lastDate) {
    // Planner projection past the last version: its rules are assumed to continue (profile.md, Plan).
    snapshot = rules.at(rules.lastDate);
    beyond = true;
  } else snapshot = rules.at(asOf);
  const facts = new Facts(profile, rules, snapshot, asOf);

  const ids: IndicatorId[] = [];
  const outcomes: Outcome[] = [];
  let edu: Outcome | undefined;
  let qual: Outcome | undefined;
  for (const id of INDICATOR_IDS) {
    const param = snapshot.params[id];
    if (!param || param.value === null) continue; // not in force in this version
    const o = (INDICATORS[id] as (f: Facts, p: typeof param, e: boolean) => Outcome)(facts, param, explain);
    if (id === 'education') edu = o;
    else if (id === 'qualification') qual = o;
    ids.push(id);
    outcomes.push(o);
  }
  applyAlternative(edu, qual, explain);

  const v = vetoes(facts, explain);
  if (v.warnings.length) warnings.push(...v.warnings);
  const provisional = facts.provisionalMonths !== undefined || beyond;
  if (facts.provisionalMonths) {
    const months = [...facts.provisionalMonths].sort((a, b) => a - b);
    const latest = rules.wages.latest;
    warnings.push(
      `缴费月份 ${indexToIsoMonth(months[0]!)}${months.length > 1 ? ` 至 ${indexToIsoMonth(months[months.length - 1]!)}` : ''} 的社平工资尚未公布，暂按最近公布的 ${latest.value} 元（${latest.from} 起）计算，结果为暂定；正式核定须待新的社平工资公布并载入后进行。`,
    );
  }
  if (beyond)
    warnings.push(
      `${asOf} 已超出现行政策有效期（至 ${rules.lastDate}），假定 ${snapshot.version.id} 规则延续，结果为暂定。`,
    );

  const items: ResultItem[] = [];
  let total = 0;
  for (let k = 0; k < ids.length; k++) {
    const id = ids[k]!;
    const o = outcomes[k]!;
    const param = snapshot.params[id]!;
    const group = rules.data.parameters[id].group as IndicatorGroup;
    total += o.points;
    if (!explain) {
      items.push({ id, group, points: o.points });
      continue;
    }
    const own = paramRead(param);
    const parameters = o.extra ? [own, ...o.extra] : [own];
    const item: ResultItem = {
      id,
      group,
      points: o.points,
      label: param.label,
      explanation: o.explanation ?? '',
      citations: o.extra ? citationsOf(own, o.extra) : own.citations,
      inputs: o.inputs ?? {},
      facts: o.facts ?? [],
      parameters,
      next: o.next ?? null,
      nextStep: o.nextStep ?? null,
    };
    items.push(item);
  }
  const standard = snapshot.params.standard!.value;
  const vetoed = v.vetoes.length > 0;
  const result: ScoreResult = {
    contract: RESULT_CONTRACT,
    rulesVersion: snapshot.version.id,
    dataRevision: rules.revision,
    asOf,
    standard,
    total,
    qualified: !vetoed && total >= standard,
    vetoed,
    vetoes: v.vetoes.length ? v.vetoes : [],
    provisional,
    warnings,
    items,
  };
  if (explain && v.details.length) result.vetoDetails = v.details;
  return result;
}

/**
 * Education and qualification (职称/技能) are alternatives: the higher counts, the other contributes 0
 * and says why. Ties: education counts (rules.md §2). Their hints are written here, once both are
 * known: only a credential scoring more than both can change the total (issue 14).
 */
function applyAlternative(edu: Outcome | undefined, qual: Outcome | undefined, explain: boolean): void {
  const best = Math.max(edu?.points ?? 0, qual?.points ?? 0);
  if (explain) {
    if (edu) hintFromLadder(edu, best, '取得');
    if (qual) hintFromLadder(qual, best, '取得与所聘岗位相符的');
  }
  if (!edu || !qual || (edu.points === 0 && qual.points === 0)) return;
  const [loser, winnerName, loserName, winnerPts] =
    qual.points > edu.points
      ? [edu, '专业技术职称/技能等级', '教育背景', qual.points]
      : [qual, '教育背景', '专业技术职称/技能等级', edu.points];
  if (explain && loser.points > 0)
    loser.explanation = `${loser.explanation ?? ''}教育背景与专业技术职称/技能等级二者只计其一：${winnerName} ${winnerPts} 分不低于${loserName} ${loser.points} 分${qual.points === edu.points ? '（同分计学历）' : ''}，本项计 0 分。`;
  loser.points = 0;
}

function hintFromLadder(o: Outcome, best: number, verb: string): void {
  const steps = (o.ladder ?? []).filter((s) => s.points > best);
  delete o.ladder;
  if (!steps.length) {
    o.next = null;
    o.nextStep = null;
    return;
  }
  o.next = `${steps.map((s) => `${verb}${s.text}可得 ${s.points} 分${s.condition ? `（${s.condition}）` : ''}`).join('；')}。`;
  const first = steps[0]!;
  o.nextStep = first.add ? { kind: 'credential', add: first.add, points: first.points } : null;
}
