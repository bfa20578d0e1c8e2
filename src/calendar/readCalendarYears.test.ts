import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { isoWeekday } from '../shared/dates.js';
import { JifenError } from '../shared/errors.js';
import { DEFAULT_CALENDAR_DIR, loadWorkCalendar } from './loadWorkCalendar.js';
import { readCalendarYears } from './readCalendarYears.js';

const dirs: string[] = [];
const tempDir = (): string => {
  const dir = mkdtempSync(path.join(tmpdir(), 'jifen-cal-'));
  dirs.push(dir);
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

describe('the committed year files', () => {
  const years = readCalendarYears(DEFAULT_CALENDAR_DIR);

  it('are 2013–2026, each citing the State Council notice of its year', () => {
    expect(years.map((y) => y.year)).toEqual([
      2013, 2014, 2015, 2016, 2017, 2018, 2019, 2020, 2021, 2022, 2023, 2024, 2025, 2026,
    ]);
    for (const y of years)
      expect(y.sources[0]?.title).toBe(`国务院办公厅关于${y.year}年部分节假日安排的通知`);
    expect(years.find((y) => y.year === 2025)?.sources[0]?.documentNumber).toBe('国办发明电〔2024〕12号');
    expect(years.find((y) => y.year === 2026)?.sources[0]?.documentNumber).toBe('国办发明电〔2025〕7号');
  });

  it('hold the 2025 National Day arrangement: 10-01..10-08 off, 09-28 and 10-11 worked', () => {
    const y2025 = years.find((y) => y.year === 2025);
    const off = y2025?.holidays
      .filter((d) => d.date >= '2025-09-01' && d.date <= '2025-10-31')
      .map((d) => d.date);
    expect(off).toEqual([
      '2025-10-01',
      '2025-10-02',
      '2025-10-03',
      '2025-10-04',
      '2025-10-05',
      '2025-10-06',
      '2025-10-07',
      '2025-10-08',
    ]);
    expect(y2025?.makeupWorkdays.map((d) => d.date)).toEqual([
      '2025-01-26',
      '2025-02-08',
      '2025-04-27',
      '2025-09-28',
      '2025-10-11',
    ]);
  });

  it('hold the 2026 arrangement of the notice of 2025-11-04', () => {
    const y2026 = years.find((y) => y.year === 2026);
    expect(y2026?.makeupWorkdays.map((d) => d.date)).toEqual([
      '2026-01-04',
      '2026-02-14',
      '2026-02-28',
      '2026-05-09',
      '2026-09-20',
      '2026-10-10',
    ]);
    const spring = y2026?.holidays.filter((d) => d.name === '春节').map((d) => d.date);
    expect(spring).toEqual([
      '2026-02-15',
      '2026-02-16',
      '2026-02-17',
      '2026-02-18',
      '2026-02-19',
      '2026-02-20',
      '2026-02-21',
      '2026-02-22',
      '2026-02-23',
    ]);
  });

  it('carry the corrections to holiday-calendar@1.3.3 and the amended years', () => {
    const get = (year: number) => years.find((y) => y.year === year);
    expect(get(2015)?.makeupWorkdays.map((d) => d.date)).toContain('2015-01-04');
    expect(get(2016)?.makeupWorkdays.map((d) => d.date)).not.toContain('2016-04-02');
    expect(get(2018)?.makeupWorkdays.map((d) => d.date)).not.toContain('2018-06-16');
    expect(get(2018)?.makeupWorkdays.map((d) => d.date)).not.toContain('2018-09-22');
    // 2020: the Spring Festival extended to 02-02, so Saturday 02-01 is no longer worked.
    expect(get(2020)?.makeupWorkdays.map((d) => d.date)).toEqual([
      '2020-01-19',
      '2020-04-26',
      '2020-05-09',
      '2020-06-28',
      '2020-09-27',
      '2020-10-10',
    ]);
    // 2019: Labour Day 05-01..05-04, with Sundays 04-28 and 05-05 worked.
    expect(get(2019)?.makeupWorkdays.map((d) => d.date)).toEqual(
      expect.arrayContaining(['2019-04-28', '2019-05-05']),
    );
  });

  it('put every make-up day on a weekend', () => {
    for (const y of years)
      for (const d of y.makeupWorkdays) expect(isoWeekday(d.date)).toBeGreaterThanOrEqual(6);
  });
});

describe('readCalendarYears', () => {
  const good = readFileSync(path.join(DEFAULT_CALENDAR_DIR, '2025.yaml'), 'utf8');

  it('names the file and the key path of a bad value', () => {
    const dir = tempDir();
    const file = path.join(dir, '2025.yaml');
    writeFileSync(file, good.replace('"2025-10-08"', '"2025-10-32"'));
    const error = thrown(() => readCalendarYears(dir));
    expect(error.code).toBe('rules_data_invalid');
    expect(error.message).toContain(file);
    expect(error.detail).toEqual({ file });
    expect(error.issues).toHaveLength(1);
    expect(error.issues[0]?.path).toMatch(/^\$\.holidays\[\d+\]\.date$/);
  });

  it('reports a misspelt key and a file whose year is not its name', () => {
    const dir = tempDir();
    writeFileSync(path.join(dir, '2025.yaml'), good.replace('makeupWorkdays:', 'makeupWorkday:'));
    expect(thrown(() => readCalendarYears(dir)).issues).toEqual([
      { path: '$', message: '不认识的字段: makeupWorkday' },
    ]);
    writeFileSync(path.join(dir, '2025.yaml'), good);
    writeFileSync(path.join(dir, '2024.yaml'), good);
    const error = thrown(() => readCalendarYears(dir));
    expect(error.message).toContain('2024.yaml');
    expect(error.issues[0]?.path).toBe('$.year');
  });

  it('reports broken YAML and a missing directory', () => {
    const dir = tempDir();
    writeFileSync(path.join(dir, '2025.yaml'), 'year: [2025\n');
    expect(thrown(() => readCalendarYears(dir)).message).toContain('2025.yaml');
    expect(thrown(() => readCalendarYears(path.join(dir, 'nope'))).code).toBe('rules_data_invalid');
  });

  it('ignores files that are not year files', () => {
    const dir = tempDir();
    writeFileSync(path.join(dir, '2025.yaml'), good);
    writeFileSync(path.join(dir, 'README.md'), '# notes');
    expect(readCalendarYears(dir).map((y) => y.year)).toEqual([2025]);
  });
});

describe('loadWorkCalendar', () => {
  it("merges loaded years over the files: a loaded year replaces the file's", () => {
    const files = loadWorkCalendar();
    const merged = loadWorkCalendar(DEFAULT_CALENDAR_DIR, [{ ...files.yearData(2025)!, holidays: [] }]);
    expect(files.isWorkday('2025-10-01')).toBe(false);
    expect(merged.isWorkday('2025-10-01')).toBe(true);
    expect(merged.coveredYears()).toEqual(files.coveredYears());
  });
});
