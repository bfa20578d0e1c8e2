import type { Command } from 'commander';
import { sweep } from '../../cases/commands/sweep.js';
import { nowFromClock, parseNowOption } from '../cliTime.js';
import { migrateToLatest } from '../../storage/migrate.js';
import { withDatabase } from '../../storage/withDatabase.js';
import { cliPolicy } from '../cliPolicy.js';

/** `jifen sweep --now DATE`: reminders, breaches, expiry and invalidation by stored dates (safe on several servers). */
export function registerSweepCommand(program: Command): void {
  program
    .command('sweep')
    .description('按存储的期限日期执行到期提醒、超期标记、签注过期失效与注销失效（可在多台服务器上同时运行）')
    .option('--now <date>', '执行时间：YYYY-MM-DD 或 ISO-8601（默认：当前时间）', parseNowOption)
    .option('--batch <n>', '每批读取的案件数', (v) => Number.parseInt(v, 10), 1000)
    .option('--json', '以 JSON 输出报告')
    .action(async (opts: { now?: { now: string; today: string }; batch: number; json?: boolean }) => {
      const time = opts.now ?? nowFromClock();
      const report = await withDatabase(async ({ db }) => {
        await migrateToLatest(db);
        // Deadlines use the calendar years an administrator loaded, as the servers do.
        return sweep(db, { ...time, batchSize: opts.batch, deps: await cliPolicy(process.env, db) });
      });
      if (opts.json) {
        process.stdout.write(`${JSON.stringify(report)}\n`);
      } else {
        process.stdout.write(`定时任务 ${time.today}：检查 ${report.scanned} 件，用时 ${report.ms} ms\n`);
        for (const [kind, n] of Object.entries(report.reminders))
          process.stdout.write(`  提醒 ${kind}: ${n}\n`);
        process.stdout.write(
          `  签注过期失效 ${report.expired}，注销失效 ${report.invalidated}，签注确认 ${report.confirmed}，已由其他进程处理 ${report.skipped}\n`,
        );
        if (report.checkpoint)
          process.stdout.write(
            `  审计检查点 #${report.checkpoint.seq}：锚定 ${report.checkpoint.leafCount} 条链、${report.checkpoint.eventCount} 个新事件（锚点 ${report.checkpoint.seq}:${report.checkpoint.hash}）\n`,
          );
        for (const f of report.failed) process.stdout.write(`  失败 ${f.caseId}: ${f.code} ${f.message}\n`);
      }
      if (report.failed.length > 0) process.exitCode = 1;
    });
}
