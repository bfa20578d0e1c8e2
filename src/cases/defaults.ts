/** Lazily loaded project defaults: the official working-day calendar and the rules data. */
import { loadWorkCalendar } from '../calendar/index.js';
import { defaultRuleSet } from '../rules/defaultRuleSet.js';
import type { RuleSet } from '../rules/RuleSet.js';
import type { WorkdayCalendar } from '../workflow/index.js';
import type { CaseDeps } from './types.js';

/** No cache of its own: the loaders cache, and an administrator's data load resets theirs. */
export function calendarOf(deps: CaseDeps = {}): WorkdayCalendar {
  if (deps.calendar) return deps.calendar;
  return loadWorkCalendar();
}

export function rulesOf(deps: CaseDeps = {}): RuleSet {
  if (deps.rules) return deps.rules;
  return defaultRuleSet();
}
