import { describe, expect, it } from 'vitest';
import { checklist } from '../src/checklist/checklist.js';
import { renderChecklistText } from '../src/checklist/renderChecklistText.js';
import { renderResultText } from '../src/cli/renderResultText.js';
import { renderRulesText } from '../src/cli/renderRulesText.js';
import { score } from '../src/engine/score.js';
import { plan } from '../src/planner/plan.js';
import { renderPlanText } from '../src/planner/renderPlanText.js';
import { precheck } from '../src/precheck/precheck.js';
import { renderPrecheckText } from '../src/precheck/renderPrecheckText.js';
import { validateProfile } from '../src/profile/validateProfile.js';
import { testPolicy } from '../src/policy/testing/testPolicy.js';
import { rulesInForce } from '../src/rules/rulesInForce.js';
import { runCli } from './cliRunner.js';
import { goldenCases } from './goldenCases.js';
import { programWords } from './programWords.js';

/**
 * Issue 14: the CLI's text outputs (score, plan, check, checklist, rules) are Chinese only. The
 * renderers the commands print with run over every golden case; any program identifier, JSON
 * path or run of English words fails. Excluded by design: --help and the JSON outputs.
 */
const cases = goldenCases().map(({ label, c }) => ({ file: label, profile: c.profile }));
const { rules, calendar, catalogue } = testPolicy;

describe('CLI text outputs are Chinese only (golden corpus)', { timeout: 120_000 }, () => {
  it('has the corpus', () => expect(cases.length).toBeGreaterThanOrEqual(16));
  for (const { file, profile } of cases)
    it(file, () => {
      const p = validateProfile(profile);
      const outputs = {
        score: renderResultText(score(p, {}, rules)),
        plan: renderPlanText(plan(p, {}, testPolicy)),
        check: renderPrecheckText(precheck(p, { rules, calendar })),
        checklist: renderChecklistText(checklist(p, catalogue), rules),
      };
      for (const [command, text] of Object.entries(outputs)) expect(programWords(text), command).toEqual([]);
    });
  it('rules, on a day of every version and of every key-area change', () => {
    for (const at of ['2014-01-01', '2016-01-01', '2019-01-01', '2020-01-01', '2022-01-01', '2025-09-01'])
      expect(programWords(renderRulesText(rulesInForce(rules, at))), at).toEqual([]);
  });
  it('through ./bin/jifen itself, on the richest case (the commands print these renderers)', async () => {
    const file = goldenCases().find((g) => g.label === 'spec/p07.json')!.file;
    for (const args of [['score', file], ['plan', file], ['check', file], ['checklist', file], ['rules']]) {
      const run = await runCli(args);
      expect(run.code, args.join(' ')).toBe(0);
      expect(run.stdout.length).toBeGreaterThan(100);
      expect(programWords(run.stdout), args[0]).toEqual([]);
    }
  });
});
