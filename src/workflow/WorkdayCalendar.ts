/**
 * The only thing the workflow needs from the official working-day calendar
 * (src/calendar `WorkCalendar` satisfies it structurally). Declared here so the
 * case machine depends on three functions, not on how holidays are loaded.
 *
 * Semantics (the same as 民法典 第二百零一条: 期间开始的当日不计入):
 * - `isWorkday(iso)`: a working day on the official calendar (调休上班日 included,
 *   法定节假日 excluded).
 * - `addWorkdays(iso, n)`: the n-th working day after `iso`; `iso` itself is never
 *   counted; n = 0 returns `iso`.
 * - `workdaysBetween(a, b)`: the number of working days d with a < d ≤ b, so that
 *   `workdaysBetween(a, addWorkdays(a, n)) === n`.
 */
export interface WorkdayCalendar {
  isWorkday(iso: string): boolean;
  addWorkdays(iso: string, n: number): string;
  workdaysBetween(a: string, b: string): number;
}
