import { existsSync, mkdirSync, renameSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { parse } from 'yaml';
import { JifenError } from '../shared/errors.js';
import { checkCalendarYear, type CalendarYear } from './calendarYearSchema.js';
import { formatCalendarYearYaml } from './formatCalendarYearYaml.js';
import { calendarYearFileName } from './readCalendarYears.js';

export interface AddCalendarYearOptions {
  /** Overwrite an existing year (a corrected or amended notice, e.g. the 2020 Spring Festival extension). */
  replace?: boolean;
}

export interface AddCalendarYearResult {
  year: number;
  file: string;
  replaced: boolean;
}

/**
 * The administrator's way to load a newly published year (the notice comes out
 * each November for the next year). Validates everything before writing, so a
 * bad file never reaches the directory the engine reads; refuses to overwrite
 * a year already loaded unless `replace` is set, since deadlines already
 * computed were computed on it. `yamlOrObject` is YAML text or the parsed object.
 */
export function addCalendarYear(
  dir: string,
  yamlOrObject: unknown,
  options: AddCalendarYearOptions = {},
): AddCalendarYearResult {
  let input: unknown = yamlOrObject;
  if (typeof yamlOrObject === 'string') {
    try {
      input = parse(yamlOrObject);
    } catch (error) {
      const reason = error instanceof Error ? (error.message.split('\n')[0] ?? '') : String(error);
      throw new JifenError('validation_failed', '工作日历数据不是有效的 YAML', [
        { path: '$', message: reason },
      ]);
    }
  }
  const checked = checkCalendarYear(input);
  if (!checked.ok) {
    throw new JifenError('validation_failed', '工作日历数据有误，未写入', checked.issues);
  }
  const cal: CalendarYear = checked.value;
  const file = path.join(path.resolve(dir), calendarYearFileName(cal.year));
  const exists = existsSync(file);
  if (exists && options.replace !== true) {
    throw new JifenError(
      'conflict',
      `${cal.year} 年的工作日历已存在；如确需替换（例如国务院发布了调整通知），请使用 replace 选项`,
      [{ path: '$.year', message: `已存在 ${file}` }],
      { year: cal.year, file },
    );
  }
  mkdirSync(path.dirname(file), { recursive: true });
  const text = formatCalendarYearYaml(cal, [
    `${cal.year} 年工作日历（放假日与调休上班日），由管理员通过 jifen calendar add-year 加载。`,
  ]);
  // Write then rename: a reader never sees half a file.
  const tmp = `${file}.tmp-${process.pid}`;
  writeFileSync(tmp, text, 'utf8');
  renameSync(tmp, file);
  return { year: cal.year, file, replaced: exists };
}
