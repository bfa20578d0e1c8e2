import type { CalendarYear } from './calendarYearSchema.js';
import { readCalendarYears } from './readCalendarYears.js';
import { WorkCalendar } from './WorkCalendar.js';
import { CALENDAR_DIR } from '../policy/projectPaths.js';

/** `<repo>/rules/calendars/cn`, found from the project root so that the cwd does not matter. */
export const DEFAULT_CALENDAR_DIR = CALENDAR_DIR;

/**
 * The working-day calendar of a directory of year files, with `extraYears` (loaded by
 * an administrator into the database: src/admin) merged over them — a year there
 * replaces the file's. Reads the files on every call: the caller keeps the result
 * (src/policy/composePolicy.ts builds it once per policy snapshot).
 */
export function loadWorkCalendar(
  dir: string = DEFAULT_CALENDAR_DIR,
  extraYears: readonly CalendarYear[] = [],
): WorkCalendar {
  let years = readCalendarYears(dir);
  if (extraYears.length > 0) {
    const replaced = new Set(extraYears.map((y) => y.year));
    years = [...years.filter((y) => !replaced.has(y.year)), ...extraYears].sort((a, b) => a.year - b.year);
  }
  return new WorkCalendar(years);
}
