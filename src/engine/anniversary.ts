import { addYears, daysInMonth } from '../shared/dates.js';

/**
 * The day on which `years` full years since `date` are reached. One rule for every anniversary in
 * the engine (age, marriage, deduction windows), the one `fullYearsBetween` counts by: an
 * anniversary of 02-29 in a common year falls on 03-01 (issue 14: a hint never promises a year
 * on a day the item still scores the year before).
 */
export function anniversary(date: string, years: number): string {
  const y = Number(date.slice(0, 4)) + years;
  if (date.slice(5) === '02-29' && daysInMonth(y, 2) === 28) return `${String(y).padStart(4, '0')}-03-01`;
  return addYears(date, years);
}
