import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { RULES_DIR, PROJECT_ROOT } from '../policy/projectPaths.js';
import { validateProfile } from '../profile/validateProfile.js';
import { loadRulesData, type RulesData } from '../rules/loadRulesData.js';
import { renderParameter } from '../rules/renderParameter.js';
import { RuleSet } from '../rules/RuleSet.js';
import { score } from './score.js';

/**
 * What the engine builds once from the rules (the wage read and its Chinese text, the trials of
 * the base and key-area hints) is kept by the rule set it was built from (RuleSet.memo), never by
 * a module: a rule set with other renderings or other figures gives its own texts and hints,
 * whichever was used first.
 */
const data = loadRulesData(RULES_DIR);
const profile = validateProfile(
  JSON.parse(readFileSync(join(PROJECT_ROOT, 'examples/profile.json'), 'utf8')),
);

/** The same data with another wage-read template and every wage figure raised by half. */
function otherData(): RulesData {
  const wages = data.renderings.parameters.wages!;
  return {
    ...data,
    renderings: {
      ...data.renderings,
      parameters: {
        ...data.renderings.parameters,
        wages: { ...wages, each: { '.': { item: '{from}起{value}元', join: '/' } } },
      },
    },
    wages: {
      ...data.wages,
      figures: data.wages.figures.map((f) => ({ ...f, value: Math.round(f.value * 1.5) })),
    },
  };
}

const base = (rules: RuleSet) => score(profile, {}, rules).items.find((i) => i.id === 'insurance_base')!;

describe('values built once from the rules belong to their rule set', () => {
  it('two rule sets with different renderings and figures give their own wage text and base hint', () => {
    const published = new RuleSet(data);
    const other = new RuleSet(otherData());
    // Scored under each twice, interleaved: the second result of each is its cached one.
    const [a1, b1, a2, b2] = [base(published), base(other), base(published), base(other)];
    const wagesA = a1.parameters!.find((p) => p.key === 'wages')!;
    const wagesB = b1.parameters!.find((p) => p.key === 'wages')!;
    expect(wagesA.text).toBe(renderParameter(data.renderings, 'wages', wagesA.value));
    expect(wagesB.text).toBe(renderParameter(otherData().renderings, 'wages', wagesB.value));
    expect(wagesB.text).toMatch(/^\d{4}-\d{2}起\d+元(\/|$)/);
    expect(wagesA.text).not.toBe(wagesB.text);
    expect(b1.nextStep).not.toEqual(a1.nextStep);
    expect(a2).toEqual(a1);
    expect(b2).toEqual(b1);
  });
});
