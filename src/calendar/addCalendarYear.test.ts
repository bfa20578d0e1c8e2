import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { stringify } from 'yaml';
import { JifenError } from '../shared/errors.js';
import { addCalendarYear } from './addCalendarYear.js';
import type { CalendarYearInput } from './calendarYearSchema.js';
import { DEFAULT_CALENDAR_DIR, loadWorkCalendar } from './loadWorkCalendar.js';
import { readCalendarYears } from './readCalendarYears.js';

const dirs: string[] = [];
const copyOfRepoData = (): string => {
  const dir = mkdtempSync(path.join(tmpdir(), 'jifen-cal-'));
  dirs.push(dir);
  cpSync(DEFAULT_CALENDAR_DIR, dir, { recursive: true });
  return dir;
};
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

function thrown(fn: () => unknown): JifenError {
  try {
    fn();
  } catch (error) {
    if (error instanceof JifenError) return error;
    throw error;
  }
  throw new Error('expected a JifenError');
}

/** A made-up 2027 for the tests only; it is not the State Council's arrangement. */
const fake2027 = (): CalendarYearInput => ({
  year: 2027,
  sources: [{ title: '测试用 2027 年安排（非官方）' }],
  holidays: [
    { date: '2027-01-01', name: '元旦' },
    { date: '2027-01-02', name: '元旦' },
    { date: '2027-01-03', name: '元旦' },
    { date: '2027-02-06', name: '春节' },
    { date: '2027-02-07', name: '春节' },
    { date: '2027-02-08', name: '春节' },
    { date: '2027-02-09', name: '春节' },
    { date: '2027-02-10', name: '春节' },
    { date: '2027-02-11', name: '春节' },
    { date: '2027-02-12', name: '春节' },
  ],
  makeupWorkdays: [{ date: '2027-02-13', name: '春节' }],
});

describe('addCalendarYear', () => {
  it('makes a newly loaded year usable, from YAML text', () => {
    const dir = copyOfRepoData();
    const before = loadWorkCalendar(dir);
    expect(() => before.addWorkdays('2026-12-25', 10)).toThrow(/缺少 2027 年/);

    const result = addCalendarYear(dir, stringify(fake2027()));
    expect(result).toEqual({ year: 2027, file: path.join(dir, '2027.yaml'), replaced: false });

    const after = loadWorkCalendar(dir);
    expect(after.coveredYears()).toContain(2027);
    // 2026-12-25 (Fri) + 10: 12-28..12-31 (4), 01-04..01-08 (9), 01-11 (10); 01-01 is off.
    expect(after.addWorkdays('2026-12-25', 10)).toBe('2027-01-11');
    expect(after.isWorkday('2027-02-13')).toBe(true);
    expect(after.addWorkdays('2027-02-05', 1)).toBe('2027-02-13');
    expect(readCalendarYears(dir).find((y) => y.year === 2027)?.holidays).toHaveLength(10);
  });

  it('accepts a parsed object too, and writes a file that reads back equal', () => {
    const dir = copyOfRepoData();
    addCalendarYear(dir, fake2027());
    const text = readFileSync(path.join(dir, '2027.yaml'), 'utf8');
    expect(text).toContain('date: "2027-02-13"');
    expect(readCalendarYears(dir).find((y) => y.year === 2027)).toEqual(fake2027());
  });

  it('refuses to overwrite a loaded year unless replace is given', () => {
    const dir = copyOfRepoData();
    addCalendarYear(dir, fake2027());
    const error = thrown(() => addCalendarYear(dir, fake2027()));
    expect(error.code).toBe('conflict');
    expect(error.detail).toMatchObject({ year: 2027 });

    const amended = fake2027();
    amended.makeupWorkdays = [];
    expect(addCalendarYear(dir, amended, { replace: true }).replaced).toBe(true);
    expect(loadWorkCalendar(dir).isWorkday('2027-02-13')).toBe(false);
  });

  it('names every problem with its JSON path and writes nothing', () => {
    const dir = copyOfRepoData();
    const bad = fake2027();
    bad.holidays = [
      { date: '2027-01-01', name: '元旦' },
      { date: '2026-12-31', name: '元旦' }, // not in 2027
      { date: '2027-01-01', name: '元旦' }, // duplicate
      { date: '2027-02-05', name: '春节' },
    ];
    bad.makeupWorkdays = [
      { date: '2027-02-08', name: '春节' }, // a Monday
      { date: '2027-02-13', name: '春节' },
      { date: '2027-02-13', name: '春节' }, // duplicate
      { date: '2027-02-06', name: '春节' }, // Saturday, but a holiday too
    ];
    bad.holidays.push({ date: '2027-02-06', name: '春节' });
    const error = thrown(() => addCalendarYear(dir, bad));
    expect(error.code).toBe('validation_failed');
    expect(error.message).toBe('工作日历数据有误，未写入');
    expect(error.issues.map((i) => i.path)).toEqual([
      '$.holidays[1].date',
      '$.holidays[2].date',
      '$.makeupWorkdays[2].date',
      '$.makeupWorkdays[0].date',
      '$.makeupWorkdays[3].date',
    ]);
    expect(error.issues[0]?.message).toContain('不在 2027 年内');
    expect(error.issues[1]?.message).toContain('重复');
    expect(error.issues[3]?.message).toBe('调休上班日应为周六或周日，2027-02-08 是周一');
    expect(error.issues[4]?.message).toContain('不能既是放假日');
    expect(() => readFileSync(path.join(dir, '2027.yaml'))).toThrow();
  });

  it('rejects impossible dates, missing fields and broken YAML', () => {
    const dir = copyOfRepoData();
    const bad = fake2027();
    bad.holidays = [{ date: '2027-02-29', name: '春节' }];
    expect(thrown(() => addCalendarYear(dir, bad)).issues).toEqual([
      { path: '$.holidays[0].date', message: '不是有效的日期（应为 YYYY-MM-DD 格式的真实日期）' },
    ]);
    expect(
      thrown(() => addCalendarYear(dir, { year: 2027, holidays: [] })).issues.map((i) => i.path),
    ).toEqual(['$.sources', '$.holidays']);
    expect(thrown(() => addCalendarYear(dir, 'year: [2027')).code).toBe('validation_failed');
    expect(thrown(() => addCalendarYear(dir, 'just text')).issues[0]?.path).toBe('$');
  });

  it('writes into a directory that does not exist yet', () => {
    const dir = path.join(copyOfRepoData(), 'fresh');
    addCalendarYear(dir, fake2027());
    writeFileSync(path.join(dir, 'README.md'), 'x');
    expect(loadWorkCalendar(dir).coveredYears()).toEqual([2027]);
  });
});
