import { readFileSync } from 'node:fs';
import type { Command } from 'commander';
import {
  addCalendarYear,
  calendarYearMissing,
  DEFAULT_CALENDAR_DIR,
  loadWorkCalendar,
  type CalendarDay,
} from '../../calendar/index.js';
import { isoWeekday } from '../../shared/dates.js';
import { JifenError } from '../../shared/errors.js';
import { cliPolicy } from '../cliPolicy.js';

const WEEKDAY = ['', '周一', '周二', '周三', '周四', '周五', '周六', '周日'];
const byDate = (a: CalendarDay, b: CalendarDay): number => a.date.localeCompare(b.date);
const line = (d: CalendarDay): string => `  ${d.date} ${WEEKDAY[isoWeekday(d.date)] ?? ''} ${d.name}\n`;

function parseYear(value: string): number {
  if (!/^\d{4}$/.test(value)) {
    throw new JifenError('validation_failed', `年份应为四位数字: ${value}`, [
      { path: '$.year', message: '例如 2026' },
    ]);
  }
  return Number(value);
}

/** `jifen calendar add-year FILE [--replace]` and `jifen calendar show YEAR`: the administrator's 工作日历. */
export function registerCalendarCommand(program: Command): void {
  const calendar = program.command('calendar').description('工作日历（国务院节假日安排）的查看与加载');

  calendar
    .command('add-year')
    .description('加载新发布年度的节假日安排（YAML 文件：year, sources, holidays, makeupWorkdays）')
    .argument('<file>', 'YAML 文件')
    .option('--replace', '替换已存在的年度', false)
    .option('--dir <dir>', '工作日历数据目录', DEFAULT_CALENDAR_DIR)
    .action((file: string, opts: { replace: boolean; dir: string }) => {
      let text: string;
      try {
        text = readFileSync(file, 'utf8');
      } catch {
        throw new JifenError('validation_failed', `无法读取文件: ${file}`, [
          { path: '$', message: '文件不存在或不可读' },
        ]);
      }
      const result = addCalendarYear(opts.dir, text, { replace: opts.replace });
      process.stdout.write(
        `${result.replaced ? '已替换' : '已加载'} ${result.year} 年工作日历: ${result.file}\n`,
      );
    });

  calendar
    .command('show')
    .description('列出某年的放假日与调休上班日')
    .argument('<year>', '年份，例如 2026')
    .option('--dir <dir>', '工作日历数据目录（默认：rules/calendars/cn 及管理员加载的年度）')
    .action(async (yearArg: string, opts: { dir?: string }) => {
      const year = parseYear(yearArg);
      const cal = opts.dir === undefined ? (await cliPolicy()).calendar : loadWorkCalendar(opts.dir);
      const data = cal.yearData(year);
      if (data === undefined) throw calendarYearMissing(year);
      let out = `${year} 年工作日历\n依据:\n`;
      for (const s of data.sources) {
        out += `  ${s.title}${s.documentNumber ? `（${s.documentNumber}）` : ''}${s.note ? `: ${s.note}` : ''}\n`;
      }
      out += `放假 (${data.holidays.length} 天):\n${[...data.holidays].sort(byDate).map(line).join('')}`;
      out += `调休上班 (${data.makeupWorkdays.length} 天):\n${[...data.makeupWorkdays].sort(byDate).map(line).join('')}`;
      process.stdout.write(out);
    });
}
