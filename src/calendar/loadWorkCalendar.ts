import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { CalendarYear } from './calendarYearSchema.js';
import { readCalendarYears } from './readCalendarYears.js';
import { WorkCalendar } from './WorkCalendar.js';

/** `<repo>/rules/calendars/cn`, found from this module's own location so that the cwd does not matter. */
export const DEFAULT_CALENDAR_DIR = fileURLToPath(new URL('../../rules/calendars/cn/', import.meta.url));

const cache = new Map<string, WorkCalendar>();
/** Years loaded by an administrator into the database (src/admin/policyRevisions.ts): merged over the default directory. */
let extraYears: readonly CalendarYear[] = [];

/** The working-day calendar of a directory of year files; read once per process and directory. */
export function loadWorkCalendar(dir: string = DEFAULT_CALENDAR_DIR): WorkCalendar {
  const key = path.resolve(dir);
  let calendar = cache.get(key);
  if (calendar === undefined) {
    let years = readCalendarYears(key);
    if (extraYears.length > 0 && key === path.resolve(DEFAULT_CALENDAR_DIR)) {
      const replaced = new Set(extraYears.map((y) => y.year));
      years = [...years.filter((y) => !replaced.has(y.year)), ...extraYears].sort((a, b) => a.year - b.year);
    }
    calendar = new WorkCalendar(years);
    cache.set(key, calendar);
  }
  return calendar;
}

/** Forgets the cached calendar of one directory (after a year was added), or of all. */
export function clearWorkCalendarCache(dir?: string): void {
  if (dir === undefined) cache.clear();
  else cache.delete(path.resolve(dir));
}

/** Sets the database-loaded years merged over the default directory (a year there replaces the file's). */
export function setAdditionalCalendarYears(years: readonly CalendarYear[]): void {
  extraYears = years;
  cache.delete(path.resolve(DEFAULT_CALENDAR_DIR));
}
