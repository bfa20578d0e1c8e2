import { fileURLToPath } from 'node:url';
import { loadRulesData } from './loadRulesData.js';
import { RuleSet } from './RuleSet.js';

/** The repository's own `rules/` folder, found from this file, not from the working directory. */
export const RULES_DIR = fileURLToPath(new URL('../../rules/', import.meta.url));

let cached: RuleSet | undefined;

/** The rules as published in this repository, loaded and validated once per process. */
export function defaultRuleSet(): RuleSet {
  cached ??= new RuleSet(loadRulesData(RULES_DIR));
  return cached;
}
