import type { WorkCalendar } from '../calendar/WorkCalendar.js';
import type { Facts } from '../engine/Facts.js';
import type { Profile } from '../profile/profileSchema.js';
import type { RuleSet } from '../rules/RuleSet.js';
import type { ParameterValues } from '../rules/rulesDataSchema.js';

/**
 * Three-valued on purpose: `unknown` is a fact the profile does not state (no
 * `permit`, no `employer`, no `employedAtOutOfTownBranch`). It is never
 * rounded to pass or fail; `eligible` is true only when every condition passes.
 */
export type ConditionStatus = 'pass' | 'fail' | 'unknown';

export type ConditionCode =
  | 'permit_valid'
  | 'permit_not_cancelled'
  | 'permit_endorsement_current'
  | 'contributing_in_application_month'
  | 'six_valid_months_in_twelve'
  | 'not_out_of_town_branch_staff'
  | 'not_barred_false_material'
  | 'employer_registered'
  | 'employer_operating'
  | 'employer_pays_tax'
  | 'employer_kind_eligible'
  | 'employer_not_barred'
  | 'insured_by_filing_unit'
  | 'account_creation_allowed'
  | 'not_vetoed';

export interface ConditionResult {
  code: ConditionCode;
  status: ConditionStatus;
  /** `status === 'pass'`, for callers that only need yes/no. */
  passed: boolean;
  /** Chinese, for the holder and the HR officer. */
  reason: string;
  citations: string[];
  /** The facts and parameter values the condition used (machine-readable). */
  detail: Record<string, unknown>;
}

export interface PrecheckResult {
  asOf: string;
  rulesVersion: string;
  dataRevision: string;
  eligible: boolean;
  conditions: ConditionResult[];
  /** Interpretation notes (Decision) of the eligibility parameters in force. */
  notes: string[];
}

export interface PrecheckOptions {
  rules: RuleSet;
  calendar: WorkCalendar;
}

/** What one condition reads: the profile, the derived facts and the eligibility parameters in force. */
export interface ConditionContext {
  profile: Profile;
  asOf: string;
  facts: Facts;
  params: ParameterValues['eligibility'];
  rules: RuleSet;
  calendar: WorkCalendar;
}

/** What one condition decides; the citations are its own (the article quoted above its file). */
export interface Verdict {
  status: ConditionStatus;
  reason: string;
  detail?: Record<string, unknown>;
  /** Citations besides the condition's own (e.g. the veto's parameter). */
  extraCitations?: string[];
}

export interface Citation {
  instrument: string;
  article: string;
}

export interface Condition {
  code: ConditionCode;
  cite: readonly Citation[];
  check(ctx: ConditionContext): Verdict;
}
