/** Lazily loaded project defaults: the official working-day calendar and the rules data. */
import { loadWorkCalendar } from '../calendar/index.js';
import { defaultRuleSet } from '../rules/defaultRuleSet.js';
import type { RuleSet } from '../rules/RuleSet.js';
import type { WorkdayCalendar } from '../workflow/index.js';
import type { CaseDeps } from './types.js';

let calendar: WorkdayCalendar | undefined;
let rules: RuleSet | undefined;

export function calendarOf(deps: CaseDeps = {}): WorkdayCalendar {
  if (deps.calendar) return deps.calendar;
  calendar ??= loadWorkCalendar();
  return calendar;
}

export function rulesOf(deps: CaseDeps = {}): RuleSet {
  if (deps.rules) return deps.rules;
  rules ??= defaultRuleSet();
  return rules;
}
