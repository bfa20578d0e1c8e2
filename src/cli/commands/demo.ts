import type { Command } from 'commander';
import { seedDemo } from '../../demo/seedDemo.js';
import { withDatabase } from '../../storage/withDatabase.js';
import { cliPolicy } from '../cliPolicy.js';

/** `jifen demo seed`: the deterministic demo world (migrates first). */
export function registerDemoCommand(program: Command): void {
  const demo = program.command('demo').description('演示数据');
  demo
    .command('seed')
    .description('建立演示用的区、单位、经办人、工作人员、200 名持证人及各状态的申请（先执行迁移）')
    .action(async () => {
      const report = await withDatabase(async ({ db }) =>
        seedDemo(db, await cliPolicy(process.env, db), (line) => process.stdout.write(`${line}\n`)),
      );
      if (report.alreadySeeded) {
        process.stdout.write('演示数据已存在，未重复建立。\n');
        return;
      }
      process.stdout.write(`单位 ${report.units} 家，持证人 ${report.holders} 人\n申请：\n`);
      for (const [state, n] of Object.entries(report.cases)) process.stdout.write(`  ${state}: ${n}\n`);
      process.stdout.write(`演示账号（密码均为 ${report.password}，仅用于演示）：\n`);
      for (const a of report.accounts)
        process.stdout.write(`  ${a.username.padEnd(14)} ${a.role.padEnd(18)} ${a.room}\n`);
    });
}
