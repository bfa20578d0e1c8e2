import type { Readable } from 'node:stream';
import { score } from '../engine/score.js';
import type { ParameterKey } from '../rules/rulesDataSchema.js';
import type { RuleSet } from '../rules/RuleSet.js';
import { isJifenError, JifenError, type FieldIssue } from '../shared/errors.js';
import { ImpactTally, type DistributionRow, type GroupRow, type SideSummary } from './ImpactTally.js';
import { parsePopulationLine } from './parsePopulationLine.js';
import { readLineBatches } from './readLines.js';
import type { Reform } from './reformSchema.js';

export const IMPACT_CONTRACT = 1;

export interface ImpactReport {
  contract: typeof IMPACT_CONTRACT;
  reform: {
    name: string;
    from: string;
    description?: string;
    parameters: { key: string; label: string }[];
    wages: boolean;
  };
  rulesRevision: { before: string; after: string };
  population: { lines: number; profiles: number };
  before: SideSummary;
  after: SideSummary;
  /** Profiles whose total changed. */
  changed: number;
  crossedUp: number;
  crossedDown: number;
  distribution: DistributionRow[];
  byDistrict: GroupRow[];
  byAgeBand: GroupRow[];
}

export interface ImpactRun {
  input: Readable;
  reform: Reform;
  before: RuleSet;
  after: RuleSet;
  /** Called after each batch of lines with the number of lines read so far. */
  onProgress?: (lines: number) => void;
}

/** Bad lines listed in the error, at most; the count of all of them is always given. */
const MAX_BAD_LINES = 100;

/**
 * Policy impact: every profile of the population scored under the published rules and
 * under the reform, aggregated as it streams (constant memory). Scoring goes on after a
 * bad line, so that dates no rules cover are reported too. Lean engine results: only
 * totals and verdicts are read. Any bad line (not JSON, invalid profile, a date no rules
 * cover) fails the whole run after reading the file, listing the lines and JSON paths; no
 * partial report is produced.
 */
export async function runImpact(run: ImpactRun): Promise<ImpactReport> {
  const tally = new ImpactTally();
  const issues: FieldIssue[] = [];
  let badLines = 0;
  let lines = 0;
  // Before the reform takes effect the rules in force are unchanged: unless it changes wage
  // figures (read by contribution month), a profile dated earlier scores the same.
  const sameBefore = run.reform.wages ? '' : run.reform.from;
  // Scoring errors name paths of the profile; on an envelope line the profile is at `$.profile`.
  const fail = (lineNo: number, e: JifenError, inEnvelope: boolean) => {
    badLines++;
    if (badLines > MAX_BAD_LINES) return;
    const list = e.issues.length ? e.issues : [{ path: '$', message: e.message }];
    for (const i of list)
      issues.push({
        path: `第 ${lineNo} 行 ${inEnvelope ? `$.profile${i.path.slice(1)}` : i.path}`,
        message: i.message,
      });
  };
  for await (const { firstLine, lines: batch } of readLineBatches(run.input)) {
    for (let i = 0; i < batch.length; i++) {
      const line = batch[i]!;
      const lineNo = firstLine + i;
      lines = lineNo;
      if (line.length === 0 || (line.charCodeAt(0) <= 32 && !line.trim())) continue; // blank lines are allowed
      let m;
      try {
        m = parsePopulationLine(line);
      } catch (e) {
        if (!isJifenError(e)) throw e;
        fail(lineNo, e, false);
        continue;
      }
      try {
        const before = score(m.profile, { explain: false }, run.before);
        const after = m.profile.asOf < sameBefore ? before : score(m.profile, { explain: false }, run.after);
        tally.add(m, before, after);
      } catch (e) {
        if (!isJifenError(e)) throw e;
        fail(lineNo, e, m.envelope);
      }
    }
    run.onProgress?.(lines);
  }
  if (badLines) {
    if (badLines > MAX_BAD_LINES)
      issues.push({ path: '…', message: `另有 ${badLines - MAX_BAD_LINES} 行有误未列出` });
    throw new JifenError('validation_failed', `人口文件中有 ${badLines} 行有误，未输出分析结果`, issues);
  }
  const s = tally.summary();
  return {
    contract: IMPACT_CONTRACT,
    reform: {
      name: run.reform.name,
      from: run.reform.from,
      ...(run.reform.description ? { description: run.reform.description } : {}),
      parameters: (Object.keys(run.reform.parameters ?? {}) as ParameterKey[])
        .filter((k) => run.reform.parameters![k] !== undefined)
        .map((key) => ({ key, label: run.after.data.parameters[key].label })),
      wages: !!run.reform.wages,
    },
    rulesRevision: { before: run.before.revision, after: run.after.revision },
    population: { lines, profiles: s.profiles },
    before: s.before,
    after: s.after,
    changed: s.changed,
    crossedUp: s.crossedUp,
    crossedDown: s.crossedDown,
    distribution: s.distribution,
    byDistrict: s.byDistrict,
    byAgeBand: s.byAgeBand,
  };
}
