import { fileURLToPath } from 'node:url';
import { loadRulesData, type RulesPatch } from './loadRulesData.js';
import { RuleSet } from './RuleSet.js';

/** The repository's own `rules/` folder, found from this file, not from the working directory. */
export const RULES_DIR = fileURLToPath(new URL('../../rules/', import.meta.url));

let cached: RuleSet | undefined;
let patch: RulesPatch | undefined;

/**
 * The rules as published in this repository, loaded and validated once per
 * process, with the administrator-loaded revisions merged over them when the
 * server has set them (src/admin/policyRevisions.ts).
 */
export function defaultRuleSet(): RuleSet {
  cached ??= new RuleSet(patch ? patch(loadRulesData(RULES_DIR)) : loadRulesData(RULES_DIR));
  return cached;
}

/** Sets (or clears) the patch merged over `rules/` and forgets the cached rule set. */
export function setDefaultRulesPatch(next: RulesPatch | undefined): void {
  patch = next;
  cached = undefined;
}
