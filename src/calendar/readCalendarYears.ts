import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { parse } from 'yaml';
import { JifenError } from '../shared/errors.js';
import { checkCalendarYear, type CalendarYear } from './calendarYearSchema.js';

/** A year file is named after its year: `2025.yaml`. */
export const YEAR_FILE = /^(\d{4})\.yaml$/;

export const calendarYearFileName = (year: number): string => `${year}.yaml`;

/** Reads and validates one year file; the error names the file and every offending key path. */
export function readCalendarYearFile(file: string): CalendarYear {
  const name = path.basename(file);
  let doc: unknown;
  try {
    doc = parse(readFileSync(file, 'utf8'));
  } catch (error) {
    const reason = error instanceof Error ? error.message.split('\n')[0] : String(error);
    throw new JifenError(
      'rules_data_invalid',
      `工作日历数据文件 ${file} 无法读取或不是有效的 YAML`,
      [{ path: '$', message: reason ?? '' }],
      { file },
    );
  }
  const checked = checkCalendarYear(doc);
  if (!checked.ok) {
    throw new JifenError('rules_data_invalid', `工作日历数据文件 ${file} 内容有误`, checked.issues, { file });
  }
  const fromName = YEAR_FILE.exec(name)?.[1];
  if (fromName !== undefined && Number(fromName) !== checked.value.year) {
    throw new JifenError(
      'rules_data_invalid',
      `工作日历数据文件 ${file} 的年份与文件名不符`,
      [{ path: '$.year', message: `文件名为 ${name}，而 year 为 ${checked.value.year}` }],
      { file },
    );
  }
  return checked.value;
}

/** Reads every `YYYY.yaml` of the directory, ascending by year. Other files are ignored. */
export function readCalendarYears(dir: string): CalendarYear[] {
  let names: string[];
  try {
    names = readdirSync(dir);
  } catch {
    throw new JifenError('rules_data_invalid', `工作日历数据目录 ${dir} 不存在或无法读取`, [], { dir });
  }
  return names
    .filter((n) => YEAR_FILE.test(n))
    .sort()
    .map((n) => readCalendarYearFile(path.join(dir, n)));
}
