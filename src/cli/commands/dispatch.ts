import type { Command } from 'commander';
import { nowFromClock, parseNowOption } from '../cliTime.js';
import { dispatchNotifications } from '../../notify/dispatchNotifications.js';
import { smsDriverFromEnv } from '../../notify/smsDriverFromEnv.js';
import { withDatabase } from '../../storage/withDatabase.js';
import { cliPolicy } from '../cliPolicy.js';

/**
 * `jifen dispatch --now …`: drains the outbox. SMS go through the configured driver
 * (JIFEN_SMS_DRIVER: `dev` writes 数据目录/sms.jsonl, `http` posts to the gateway),
 * unit messages into the units' in-system messages; an SMS that cannot be sent
 * becomes a message to the unit.
 */
export function registerDispatchCommand(program: Command): void {
  program
    .command('dispatch')
    .description(
      '发送待发消息（短信按 JIFEN_SMS_DRIVER：dev 写入 数据目录/sms.jsonl，http 发往短信网关；按消息编号去重）',
    )
    .option('--now <date>', '执行时间：YYYY-MM-DD 或 ISO-8601（默认：当前时间）', parseNowOption)
    .option('--limit <n>', '每批条数', (v) => Number.parseInt(v, 10), 50)
    .action(async (opts: { now?: { now: string; today: string }; limit: number }) => {
      const { now } = opts.now ?? nowFromClock();
      const { driver, describe } = smsDriverFromEnv();
      const totals = { claimed: 0, sent: 0, retrying: 0, dead: 0, superseded: 0 };
      await withDatabase(async ({ db }) => {
        const { templates } = await cliPolicy(process.env, db);
        for (;;) {
          const r = await dispatchNotifications(db, driver, now, { limit: opts.limit, templates });
          for (const k of Object.keys(totals) as (keyof typeof totals)[]) totals[k] += r[k];
          if (r.claimed === 0 || r.sent + r.dead === 0) break;
        }
      });
      process.stdout.write(
        `已发送 ${totals.sent}，重试中 ${totals.retrying}，放弃 ${totals.dead}（${describe}）\n`,
      );
    });
}
