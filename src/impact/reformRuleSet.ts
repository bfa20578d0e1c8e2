import { RuleSet } from '../rules/RuleSet.js';
import { loadReform } from './loadReform.js';
import { reformPatch } from './reformPatch.js';
import type { Reform } from './reformSchema.js';

/** The reform file's text as a second RuleSet: the published rules with the reform patched in. */
export function reformRuleSet(text: string, rules: RuleSet): { reform: Reform; rules: RuleSet } {
  const { reform, hash } = loadReform(text);
  return { reform, rules: new RuleSet(reformPatch(reform, hash, rules)(rules.data)) };
}
