import { join } from 'node:path';
import type { Command } from 'commander';
import { nowFromClock, parseNowOption } from '../../cases/cliTime.js';
import { DevSmsProvider } from '../../storage/devSmsProvider.js';
import { dispatchBatch } from '../../storage/dispatcher.js';
import { withDatabase } from '../../storage/withDatabase.js';

/** `jifen dispatch --now …`: drains the outbox through the development SMS provider (data/sms.jsonl). */
export function registerDispatchCommand(program: Command): void {
  program
    .command('dispatch')
    .description('发送待发消息（开发用短信通道：写入 数据目录/sms.jsonl，按消息编号去重）')
    .option('--now <date>', '执行时间：YYYY-MM-DD 或 ISO-8601（默认：当前时间）', parseNowOption)
    .option('--limit <n>', '每批条数', (v) => Number.parseInt(v, 10), 50)
    .action(async (opts: { now?: { now: string; today: string }; limit: number }) => {
      const { now } = opts.now ?? nowFromClock();
      const file = join(process.env.JIFEN_DATA_DIR || './data', 'sms.jsonl');
      const provider = new DevSmsProvider(file);
      const totals = { claimed: 0, sent: 0, retrying: 0, dead: 0, superseded: 0 };
      await withDatabase(async ({ db }) => {
        for (;;) {
          const r = await dispatchBatch(db, provider, now, { limit: opts.limit });
          for (const k of Object.keys(totals) as (keyof typeof totals)[]) totals[k] += r[k];
          if (r.claimed === 0 || r.sent + r.dead === 0) break;
        }
      });
      process.stdout.write(
        `已发送 ${totals.sent}，重试中 ${totals.retrying}，放弃 ${totals.dead}（${file}）\n`,
      );
    });
}
