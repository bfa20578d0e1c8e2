import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import chineseDays from 'chinese-days';
import { addDays, dayNumberToIso, isoToDayNumber, isoWeekday } from '../shared/dates.js';
import { JifenError } from '../shared/errors.js';
import type { CalendarYear } from './calendarYearSchema.js';
import { loadWorkCalendar } from './loadWorkCalendar.js';
import { WorkCalendar } from './WorkCalendar.js';

const cal = loadWorkCalendar();

function thrown(fn: () => unknown): JifenError {
  try {
    fn();
  } catch (error) {
    if (error instanceof JifenError) return error;
    throw error;
  }
  throw new Error('expected a JifenError');
}

/** The same question answered the slow way, by walking the days: the model the fast answer must match. */
function walkWorkdays(from: string, n: number): string {
  let d = from;
  for (let left = n; left > 0;) {
    d = addDays(d, 1);
    if (cal.isWorkday(d)) left--;
  }
  return d;
}

describe('WorkCalendar on the committed 2013–2026 data', () => {
  it('covers exactly 2013–2026', () => {
    expect(cal.coveredYears()).toEqual([
      2013, 2014, 2015, 2016, 2017, 2018, 2019, 2020, 2021, 2022, 2023, 2024, 2025, 2026,
    ]);
  });

  it('counts 20 working days from Sunday 2025-09-28 (a 调休上班日) to 2025-10-31', () => {
    expect(cal.addWorkdays('2025-09-28', 20)).toBe('2025-10-31');
    expect(cal.workdaysBetween('2025-09-28', '2025-10-31')).toBe(20);
  });

  it('skips the 2025 National Day and Mid-Autumn break (10-01..10-08) and counts its make-up days', () => {
    for (let d = '2025-10-01'; d <= '2025-10-08'; d = addDays(d, 1)) expect(cal.isWorkday(d)).toBe(false);
    expect(cal.isWorkday('2025-09-28')).toBe(true); // Sunday worked
    expect(cal.isWorkday('2025-10-11')).toBe(true); // Saturday worked
    expect(cal.isWorkday('2025-10-12')).toBe(false);
    expect(cal.addWorkdays('2025-09-30', 1)).toBe('2025-10-09');
    expect(cal.addWorkdays('2025-09-30', 3)).toBe('2025-10-11');
    // The 20-working-day determination deadline (细则 第七条) of a case verified on 2025-09-30.
    expect(cal.addWorkdays('2025-09-30', 20)).toBe('2025-11-04');
    expect(cal.workdaysBetween('2025-09-26', '2025-10-12')).toBe(6);
  });

  it('skips the 2026 Spring Festival (02-15..02-23) and counts Saturdays 02-14 and 02-28', () => {
    for (let d = '2026-02-15'; d <= '2026-02-23'; d = addDays(d, 1)) expect(cal.isWorkday(d)).toBe(false);
    expect(isoWeekday('2026-02-14')).toBe(6);
    expect(cal.isWorkday('2026-02-14')).toBe(true);
    expect(cal.isWorkday('2026-02-28')).toBe(true);
    expect(cal.addWorkdays('2026-02-13', 1)).toBe('2026-02-14');
    expect(cal.addWorkdays('2026-02-14', 1)).toBe('2026-02-24');
    expect(cal.addWorkdays('2026-02-10', 20)).toBe('2026-03-16');
    expect(cal.workdaysBetween('2026-02-10', '2026-03-16')).toBe(20);
  });

  it('uses the days a notice sets in the previous year (2019 New Year from 2018-12-30)', () => {
    expect(cal.isWorkday('2018-12-29')).toBe(true);
    expect(cal.isWorkday('2018-12-31')).toBe(false);
    expect(cal.addWorkdays('2018-12-28', 1)).toBe('2018-12-29');
    expect(cal.addWorkdays('2018-12-29', 1)).toBe('2019-01-02');
  });

  it('treats n = 0 as the date itself, even on a day off', () => {
    expect(cal.addWorkdays('2025-10-01', 0)).toBe('2025-10-01');
    expect(cal.addWorkdays('2025-10-01', 1)).toBe('2025-10-09');
    expect(cal.workdaysBetween('2025-10-01', '2025-10-01')).toBe(0);
  });

  it('counts negatively when the second date is earlier', () => {
    expect(cal.workdaysBetween('2025-10-31', '2025-09-28')).toBe(-20);
    const total = cal.workdaysBetween('2013-01-01', '2026-12-31');
    expect(cal.workdaysBetween('2026-12-31', '2013-01-01')).toBe(-total);
  });

  it('refuses any date of 2012 or 2027 and never guesses', () => {
    for (const [fn, year] of [
      [() => cal.isWorkday('2012-12-31'), 2012],
      [() => cal.isWorkday('2027-01-04'), 2027],
      [() => cal.addWorkdays('2012-12-28', 1), 2012],
      [() => cal.addWorkdays('2026-12-25', 10), 2027],
      [() => cal.addWorkdays('2026-12-31', 1), 2027],
      [() => cal.workdaysBetween('2012-12-31', '2013-01-05'), 2012],
      [() => cal.workdaysBetween('2026-06-01', '2027-01-05'), 2027],
    ] as const) {
      const error = thrown(fn);
      expect(error.code).toBe('calendar_year_missing');
      expect(error.message).toBe(`缺少 ${year} 年的工作日历数据，请管理员先加载该年度国务院节假日安排`);
      expect(error.detail).toEqual({ year });
    }
    // The last working day of 2026 is still reachable.
    expect(cal.addWorkdays('2026-12-30', 1)).toBe('2026-12-31');
  });

  it('rejects what is not a date, and a negative or fractional n', () => {
    for (const bad of ['2025-02-29', '2025-9-28', '20250928', '']) {
      const error = thrown(() => cal.isWorkday(bad));
      expect(error.code).toBe('validation_failed');
      expect(error.issues[0]?.path).toBe('$.date');
    }
    expect(thrown(() => cal.workdaysBetween('2025-01-01', 'x')).issues[0]?.path).toBe('$.to');
    for (const n of [-1, 1.5, Number.NaN]) {
      expect(thrown(() => cal.addWorkdays('2025-01-02', n)).code).toBe('validation_failed');
    }
  });

  // chinese-days builds a local-time Date from 'YYYY-MM-DD' (parsed as UTC), so its
  // answers shift by a day west of UTC; there the comparison says nothing about us.
  const westOfUtc = new Date(2020, 0, 1).getTimezoneOffset() > 0;
  it.skipIf(westOfUtc)('agrees with chinese-days@1.5.7 on every date 2013-01-01..2026-12-31', () => {
    const disagreements: string[] = [];
    for (let n = isoToDayNumber('2013-01-01'); n <= isoToDayNumber('2026-12-31'); n++) {
      const iso = dayNumberToIso(n);
      if (cal.isWorkday(iso) !== chineseDays.isWorkday(iso)) disagreements.push(iso);
    }
    expect(disagreements).toEqual([]);
  });
});

describe('WorkCalendar properties', () => {
  const FIRST = isoToDayNumber('2013-01-01');
  const LAST_START = isoToDayNumber('2025-12-31');
  const date = fc.integer({ min: FIRST, max: LAST_START }).map(dayNumberToIso);
  const count = fc.integer({ min: 0, max: 200 });

  it('addWorkdays lands on a later working day for n ≥ 1', () => {
    fc.assert(
      fc.property(date, fc.integer({ min: 1, max: 200 }), (a, n) => {
        const r = cal.addWorkdays(a, n);
        expect(r > a).toBe(true);
        expect(cal.isWorkday(r)).toBe(true);
      }),
    );
  });

  it('workdaysBetween(a, addWorkdays(a, n)) === n', () => {
    fc.assert(fc.property(date, count, (a, n) => cal.workdaysBetween(a, cal.addWorkdays(a, n)) === n));
  });

  it('is monotonic in n and in the start date', () => {
    fc.assert(
      fc.property(date, date, count, (a, b, n) => {
        const [lo, hi] = a <= b ? [a, b] : [b, a];
        expect(cal.addWorkdays(lo, n) <= cal.addWorkdays(hi, n)).toBe(true);
        expect(cal.addWorkdays(a, n) < cal.addWorkdays(a, n + 1)).toBe(true);
      }),
    );
  });

  it('workdaysBetween is antisymmetric and additive', () => {
    fc.assert(
      fc.property(date, date, date, (a, b, c) => {
        expect(cal.workdaysBetween(a, b) + cal.workdaysBetween(b, a)).toBe(0);
        expect(cal.workdaysBetween(a, b) + cal.workdaysBetween(b, c)).toBe(cal.workdaysBetween(a, c));
      }),
    );
  });

  it('matches walking the days one by one', () => {
    fc.assert(
      fc.property(
        date,
        fc.integer({ min: 0, max: 60 }),
        (a, n) => cal.addWorkdays(a, n) === walkWorkdays(a, n),
      ),
    );
  });

  it('answers a 300 000-case sweep quickly (precomputed, no walking)', () => {
    const starts = Array.from({ length: 1000 }, (_, i) =>
      dayNumberToIso(FIRST + ((i * 4099) % (LAST_START - FIRST))),
    );
    const t0 = performance.now();
    let check = 0;
    for (let i = 0; i < 300_000; i++) {
      const a = starts[i % starts.length] ?? '2025-01-02';
      const due = cal.addWorkdays(a, 20);
      check += cal.workdaysBetween(a, due);
    }
    expect(check).toBe(300_000 * 20);
    expect(performance.now() - t0).toBeLessThan(5_000);
  });
});

describe('WorkCalendar built from chosen years', () => {
  const year = (y: number, extra: Partial<CalendarYear> = {}): CalendarYear => ({
    year: y,
    sources: [{ title: `测试数据 ${y}` }],
    holidays: [{ date: `${y}-01-01`, name: '元旦' }],
    makeupWorkdays: [],
    ...extra,
  });

  it('refuses to step over a year that is missing in the middle', () => {
    const gap = new WorkCalendar([year(2025), year(2027)]);
    expect(gap.coveredYears()).toEqual([2025, 2027]);
    expect(gap.isWorkday('2027-01-04')).toBe(true);
    expect(thrown(() => gap.isWorkday('2026-06-01')).detail).toEqual({ year: 2026 });
    expect(thrown(() => gap.addWorkdays('2025-12-20', 30)).detail).toEqual({ year: 2026 });
    expect(thrown(() => gap.workdaysBetween('2025-06-01', '2027-06-01')).detail).toEqual({ year: 2026 });
    expect(thrown(() => gap.workdaysBetween('2027-06-01', '2025-06-01')).detail).toEqual({ year: 2026 });
    expect(thrown(() => gap.addWorkdays('2027-12-30', 5)).detail).toEqual({ year: 2028 });
  });

  it('knows nothing when built from nothing', () => {
    const empty = new WorkCalendar([]);
    expect(empty.coveredYears()).toEqual([]);
    expect(thrown(() => empty.isWorkday('2025-01-02')).code).toBe('calendar_year_missing');
  });

  it('applies holidays over weekdays and make-up days over weekends', () => {
    const c = new WorkCalendar([
      year(2030, {
        holidays: [{ date: '2030-01-01', name: '元旦' }],
        makeupWorkdays: [{ date: '2030-01-05', name: '元旦' }],
      }),
    ]);
    expect(c.isWorkday('2030-01-01')).toBe(false); // Tuesday off
    expect(c.isWorkday('2030-01-05')).toBe(true); // Saturday worked
    expect(c.isWorkday('2030-01-06')).toBe(false); // Sunday
    expect(c.workdaysBetween('2030-01-01', '2030-01-07')).toBe(5);
  });

  it('refuses the same year twice, or a date filed under another year', () => {
    expect(thrown(() => new WorkCalendar([year(2025), year(2025)])).code).toBe('rules_data_invalid');
    const misfiled = year(2025, { holidays: [{ date: '2024-12-31', name: '元旦' }] });
    expect(thrown(() => new WorkCalendar([misfiled])).code).toBe('rules_data_invalid');
  });
});
