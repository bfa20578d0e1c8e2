import { addDays, isoToDayNumber, isoWeekday } from '../shared/dates.js';
import type { WorkdayCalendar } from './WorkdayCalendar.js';

/**
 * A small in-memory calendar for tests and demos: Monday–Friday, minus the
 * given holidays, plus the given make-up working days (调休上班日). Walks day by
 * day: fine for tests, not for a sweep over 300 000 cases (use src/calendar).
 */
export function fakeWorkdayCalendar(
  options: { holidays?: readonly string[]; makeupWorkdays?: readonly string[] } = {},
): WorkdayCalendar {
  const holidays = new Set(options.holidays ?? []);
  const makeup = new Set(options.makeupWorkdays ?? []);
  const isWorkday = (iso: string): boolean => {
    if (makeup.has(iso)) return true;
    if (holidays.has(iso)) return false;
    return isoWeekday(iso) <= 5;
  };
  return {
    isWorkday,
    addWorkdays(iso: string, n: number): string {
      if (!Number.isSafeInteger(n) || n < 0) throw new RangeError(`工作日数应为非负整数: ${n}`);
      let day = iso;
      for (let left = n; left > 0;) {
        day = addDays(day, 1);
        if (isWorkday(day)) left--;
      }
      return day;
    },
    workdaysBetween(a: string, b: string): number {
      const sign = isoToDayNumber(b) >= isoToDayNumber(a) ? 1 : -1;
      const [from, to] = sign === 1 ? [a, b] : [b, a];
      let count = 0;
      for (let day = addDays(from, 1); isoToDayNumber(day) <= isoToDayNumber(to); day = addDays(day, 1)) {
        if (isWorkday(day)) count++;
      }
      return sign * count;
    },
  };
}

/** Plain Monday–Friday: the fake used by the unit tests. */
export const monFriCalendar: WorkdayCalendar = fakeWorkdayCalendar();
