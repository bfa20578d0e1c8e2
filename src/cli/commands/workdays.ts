import type { Command } from 'commander';
import { loadWorkCalendar } from '../../calendar/index.js';
import type { WorkCalendar } from '../../calendar/WorkCalendar.js';
import { JifenError } from '../../shared/errors.js';
import { cliPolicy } from '../cliPolicy.js';

/** The policy snapshot's calendar (with loaded years), or the year files of another folder. */
const calendarOf = async (dir: string | undefined): Promise<WorkCalendar> =>
  dir === undefined ? (await cliPolicy()).calendar : loadWorkCalendar(dir);

function parseCount(value: string): number {
  if (!/^\d+$/.test(value) || !Number.isSafeInteger(Number(value))) {
    throw new JifenError('validation_failed', `工作日数应为非负整数: ${value}`, [
      { path: '$.n', message: '应为 0 或正整数' },
    ]);
  }
  return Number(value);
}

/** `jifen workdays add DATE N` and `jifen workdays between A B`, counted on the official 工作日历. */
export function registerWorkdaysCommand(program: Command): void {
  const workdays = program.command('workdays').description('按国务院节假日安排（含调休）计算工作日');

  workdays
    .command('add')
    .description('DATE 之后的第 N 个工作日（DATE 当天不计）')
    .argument('<date>', '起算日期 YYYY-MM-DD')
    .argument('<n>', '工作日数（非负整数）')
    .option('--dir <dir>', '工作日历数据目录（默认：rules/calendars/cn 及管理员加载的年度）')
    .action(async (date: string, n: string, opts: { dir?: string }) => {
      const count = parseCount(n);
      process.stdout.write(`${(await calendarOf(opts.dir)).addWorkdays(date, count)}\n`);
    });

  workdays
    .command('between')
    .description('A 之后至 B（含 B）的工作日数；B 早于 A 时为负数')
    .argument('<a>', '日期 YYYY-MM-DD')
    .argument('<b>', '日期 YYYY-MM-DD')
    .option('--dir <dir>', '工作日历数据目录（默认：rules/calendars/cn 及管理员加载的年度）')
    .action(async (a: string, b: string, opts: { dir?: string }) => {
      process.stdout.write(`${(await calendarOf(opts.dir)).workdaysBetween(a, b)}\n`);
    });
}
