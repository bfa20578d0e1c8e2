import { Facts } from '../engine/Facts.js';
import type { Profile } from '../profile/profileSchema.js';
import { CONDITIONS } from './conditions.js';
import type { ConditionContext, ConditionResult, PrecheckOptions, PrecheckResult } from './types.js';

/**
 * Eligibility pre-check (docs/spec/rules.md §6): may this holder apply on `profile.asOf`?
 * Pure: the rules data and the working-day calendar are passed in, no clock is
 * read. Each condition is `pass`, `fail` or `unknown` (a fact the profile does
 * not give); `eligible` only when all pass. A date outside every policy version
 * is an error naming `$.asOf` (as for the score).
 */
export function precheck(profile: Profile, { rules, calendar }: PrecheckOptions): PrecheckResult {
  const asOf = profile.asOf;
  const snapshot = rules.at(asOf);
  const eligibility = snapshot.params.eligibility;
  if (!eligibility) throw new Error(`eligibility parameters missing on ${asOf}`); // the loader requires the file; a gap is a data fault
  const ctx: ConditionContext = {
    profile,
    asOf,
    facts: new Facts(profile, rules, snapshot, asOf),
    params: eligibility.value,
    rules,
    calendar,
  };
  const conditions: ConditionResult[] = CONDITIONS.map((c) => {
    const v = c.check(ctx);
    const own = c.cite.map((x) => rules.citationText(x));
    return {
      code: c.code,
      status: v.status,
      passed: v.status === 'pass',
      reason: v.reason,
      citations: [...new Set([...own, ...(v.extraCitations ?? [])])],
      detail: v.detail ?? {},
    };
  });
  return {
    asOf,
    rulesVersion: snapshot.version.id,
    dataRevision: rules.revision,
    eligible: conditions.every((c) => c.status === 'pass'),
    conditions,
    notes: eligibility.note ? [eligibility.note] : [],
  };
}
