import { dayNumber, dayNumberToIso, parseIsoDate } from '../shared/dates.js';
import { JifenError } from '../shared/errors.js';
import type { CalendarYear } from './calendarYearSchema.js';

/** The refusal for any date of a year whose 国务院 arrangement is not loaded: never guess. */
export function calendarYearMissing(year: number): JifenError {
  return new JifenError(
    'calendar_year_missing',
    `缺少 ${year} 年的工作日历数据，请管理员先加载该年度国务院节假日安排`,
    [],
    { year },
  );
}

function badDate(value: string, path: string): JifenError {
  return new JifenError('validation_failed', `不是有效的日期: ${value}`, [
    { path, message: '应为 YYYY-MM-DD 格式的真实日期' },
  ]);
}

/**
 * The official working-day calendar (工作日历) used for every deadline counted
 * in 工作日 (e.g. the 20 working days of 细则 第七条). A working day is Monday to
 * Friday unless the notice gives it off, plus the weekend days it makes worked
 * (调休上班日).
 *
 * Pure and immutable. Built once over the covered years: a per-day flag, a
 * running count of working days and the list of working days, so that every
 * question is answered with array look-ups, never by walking the days.
 */
export class WorkCalendar {
  readonly #years: ReadonlyMap<number, CalendarYear>;
  readonly #covered: readonly number[];
  readonly #minYear: number;
  readonly #maxYear: number;
  /** Day number of 1 January of the first covered year; index 0 of the arrays. */
  readonly #base: number;
  /** 1 where the day is a working day. Days of an uncovered gap year are 0. */
  readonly #isWork: Uint8Array;
  /** cum[i]: working days among indices 0..i inclusive. */
  readonly #cum: Int32Array;
  /** Indices of the working days, ascending: the k-th working day (0-based) is workdays[k]. */
  readonly #workdays: Int32Array;
  /** missing[y - minYear]: uncovered years in minYear..y, to detect a gap in O(1). */
  readonly #missingUpTo: Int32Array;

  constructor(years: readonly CalendarYear[]) {
    const map = new Map<number, CalendarYear>();
    for (const y of years) {
      if (map.has(y.year)) {
        throw new JifenError('rules_data_invalid', `工作日历数据中 ${y.year} 年出现了不止一次`, [], {
          year: y.year,
        });
      }
      map.set(y.year, y);
    }
    this.#years = map;
    const covered = [...map.keys()].sort((a, b) => a - b);
    this.#covered = covered;
    this.#minYear = covered[0] ?? 0;
    this.#maxYear = covered[covered.length - 1] ?? -1;

    this.#base = dayNumber({ y: this.#minYear, m: 1, d: 1 });
    const end = covered.length === 0 ? this.#base : dayNumber({ y: this.#maxYear + 1, m: 1, d: 1 });
    const size = end - this.#base;
    this.#isWork = new Uint8Array(size);
    this.#cum = new Int32Array(size);

    const yearSpan = Math.max(0, this.#maxYear - this.#minYear + 1);
    this.#missingUpTo = new Int32Array(yearSpan);
    let missing = 0;
    for (let y = this.#minYear; y <= this.#maxYear; y++) {
      const cal = map.get(y);
      if (cal === undefined) missing++;
      this.#missingUpTo[y - this.#minYear] = missing;
      if (cal === undefined) continue;
      const first = dayNumber({ y, m: 1, d: 1 }) - this.#base;
      const last = dayNumber({ y: y + 1, m: 1, d: 1 }) - this.#base;
      // 1970-01-01 (day 0) was a Thursday: weekday index 0 = Monday … 6 = Sunday.
      for (let i = first; i < last; i++) {
        const weekdayIndex = (((this.#base + i + 3) % 7) + 7) % 7;
        this.#isWork[i] = weekdayIndex < 5 ? 1 : 0;
      }
      for (const h of cal.holidays) this.#isWork[this.#ownDay(cal.year, h.date)] = 0;
      for (const w of cal.makeupWorkdays) this.#isWork[this.#ownDay(cal.year, w.date)] = 1;
    }

    let count = 0;
    for (let i = 0; i < size; i++) {
      count += this.#isWork[i] ?? 0;
      this.#cum[i] = count;
    }
    this.#workdays = new Int32Array(count);
    for (let i = 0, k = 0; i < size; i++) if (this.#isWork[i] === 1) this.#workdays[k++] = i;
  }

  /** The covered years, ascending. */
  coveredYears(): number[] {
    return [...this.#covered];
  }

  /** The loaded data of one year, or undefined when the year is not covered. */
  yearData(year: number): CalendarYear | undefined {
    return this.#years.get(year);
  }

  isWorkday(iso: string): boolean {
    return this.#isWork[this.#checkedIndex(iso, '$.date')] === 1;
  }

  /**
   * The n-th working day after `iso` (the day itself is not counted); n = 0
   * returns `iso`. So a deadline of "20 个工作日" from a verification on
   * Sunday 2025-09-28 (a 调休上班日) is `addWorkdays('2025-09-28', 20)` = 2025-10-31.
   */
  addWorkdays(iso: string, n: number): string {
    if (!Number.isSafeInteger(n) || n < 0) {
      throw new JifenError('validation_failed', `工作日数应为非负整数: ${n}`, [
        { path: '$.n', message: '应为 0 或正整数' },
      ]);
    }
    const start = this.#checkedIndex(iso, '$.date');
    if (n === 0) return iso;
    const fromYear = yearOf(iso);
    const k = (this.#cum[start] ?? 0) + n - 1;
    const target = this.#workdays[k];
    if (target === undefined) throw calendarYearMissing(this.#firstMissingFrom(fromYear, this.#maxYear + 1));
    const result = dayNumberToIso(this.#base + target);
    this.#assertNoGap(fromYear, yearOf(result));
    return result;
  }

  /**
   * Working days d with a < d ≤ b; negative (−count of b < d ≤ a) when b < a.
   * The inverse of addWorkdays: workdaysBetween(a, addWorkdays(a, n)) === n.
   */
  workdaysBetween(a: string, b: string): number {
    const ia = this.#checkedIndex(a, '$.from');
    const ib = this.#checkedIndex(b, '$.to');
    const ya = yearOf(a);
    const yb = yearOf(b);
    this.#assertNoGap(Math.min(ya, yb), Math.max(ya, yb));
    return (this.#cum[ib] ?? 0) - (this.#cum[ia] ?? 0);
  }

  /** Index of a date listed in a year's data; guards a calendar built from unchecked data. */
  #ownDay(year: number, iso: string): number {
    const ymd = parseIsoDate(iso);
    if (ymd === null || ymd.y !== year) {
      throw new JifenError(
        'rules_data_invalid',
        `${year} 年工作日历数据中的日期 ${iso} 无效或不属于该年`,
        [],
        { year },
      );
    }
    return dayNumber(ymd) - this.#base;
  }

  #checkedIndex(iso: string, path: string): number {
    const ymd = parseIsoDate(iso);
    if (ymd === null) throw badDate(iso, path);
    if (!this.#years.has(ymd.y)) throw calendarYearMissing(ymd.y);
    return dayNumber(ymd) - this.#base;
  }

  /** Throws for the first uncovered year in from < y ≤ to (`from` itself is known to be covered). */
  #assertNoGap(from: number, to: number): void {
    if (to <= from) return;
    const before = this.#missingUpTo[from - this.#minYear] ?? 0;
    const upTo = to > this.#maxYear ? Number.POSITIVE_INFINITY : (this.#missingUpTo[to - this.#minYear] ?? 0);
    if (upTo !== before) throw calendarYearMissing(this.#firstMissingFrom(from, to));
  }

  /** The first uncovered year after `from`, at most `limit`. Only runs on the way to an error. */
  #firstMissingFrom(from: number, limit: number): number {
    for (let y = from + 1; y < limit; y++) if (!this.#years.has(y)) return y;
    return limit;
  }
}

const yearOf = (iso: string): number => Number(iso.slice(0, 4));
