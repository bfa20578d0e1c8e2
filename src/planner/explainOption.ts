import type { ScoreResult } from '../engine/types.js';
import type { RuleSet } from '../rules/RuleSet.js';
import { monthsBetween } from './projection.js';
import type { Point } from './types.js';

/** Item-by-item difference of two lean results of the same date, e.g. "社保基数 +50 分". */
export function itemDiffs(option: ScoreResult, baseline: ScoreResult, rules: RuleSet): string[] {
  const before = new Map(baseline.items.map((i) => [i.id, i.points]));
  const out: string[] = [];
  for (const i of option.items) {
    const d = i.points - (before.get(i.id) ?? 0);
    if (d !== 0) out.push(`${rules.data.parameters[i.id].label} ${d > 0 ? '+' : ''}${d} 分`);
  }
  return out;
}

export interface OptionOutcome {
  reach: Point | null;
  best: Point;
  last: Point;
  baselineReach: Point | null;
  standard: number;
  /** Item differences against the baseline on the date compared (reach, else best). */
  diffs: string[];
}

/** The Chinese explanation of one option: when it reaches the standard and why, or how far it gets. */
export function explainOption(o: OptionOutcome): string {
  const why = o.diffs.length ? `届时与维持现状相比：${o.diffs.join('，')}。` : '';
  if (o.reach) {
    const vs = o.baselineReach
      ? `比维持现状（${o.baselineReach.date}）提前 ${monthsBetween(o.reach.date, o.baselineReach.date)} 个月`
      : '维持现状在测算期内无法达到';
    return `预计 ${o.reach.date} 总分 ${o.reach.total} 分，达到标准分值 ${o.standard} 分（${vs}）。${why}测算期末 ${o.last.date} 为 ${o.last.total} 分。`;
  }
  return `测算期内无法达到标准分值 ${o.standard} 分：最高 ${o.best.total} 分（${o.best.date}），仍差 ${o.standard - o.best.total} 分。${why}测算期末 ${o.last.date} 为 ${o.last.total} 分。`;
}
