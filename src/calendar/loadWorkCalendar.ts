import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { readCalendarYears } from './readCalendarYears.js';
import { WorkCalendar } from './WorkCalendar.js';

/** `<repo>/rules/calendars/cn`, found from this module's own location so that the cwd does not matter. */
export const DEFAULT_CALENDAR_DIR = fileURLToPath(new URL('../../rules/calendars/cn/', import.meta.url));

const cache = new Map<string, WorkCalendar>();

/** The working-day calendar of a directory of year files; read once per process and directory. */
export function loadWorkCalendar(dir: string = DEFAULT_CALENDAR_DIR): WorkCalendar {
  const key = path.resolve(dir);
  let calendar = cache.get(key);
  if (calendar === undefined) {
    calendar = new WorkCalendar(readCalendarYears(key));
    cache.set(key, calendar);
  }
  return calendar;
}

/** Forgets the cached calendar of one directory (after a year was added), or of all. */
export function clearWorkCalendarCache(dir?: string): void {
  if (dir === undefined) cache.clear();
  else cache.delete(path.resolve(dir));
}
