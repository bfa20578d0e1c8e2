import type { Command } from 'commander';
import { rulesInForce } from '../../rules/rulesInForce.js';
import { isIsoDate } from '../../shared/dates.js';
import { JifenError } from '../../shared/errors.js';
import { cliPolicy } from '../cliPolicy.js';
import { renderRulesText } from '../renderRulesText.js';

export function registerRulesCommand(program: Command): void {
  program
    .command('rules')
    .description('政策参数查询：某日有效的全部积分参数、生效期间与依据')
    .option('--at <date>', '查询日期 YYYY-MM-DD（默认为最新政策版本的开始日）')
    .option('--format <format>', 'text（默认）| json', 'text')
    .action(async (flags: { at?: string; format: string }) => {
      const { rules } = await cliPolicy();
      const date = flags.at ?? rules.versions[rules.versions.length - 1]!.from;
      if (!isIsoDate(date))
        throw new JifenError('validation_failed', `日期无效: ${date}`, [
          { path: '--at', message: '应为真实存在的日期 YYYY-MM-DD' },
        ]);
      const r = rulesInForce(rules, date);
      if (flags.format === 'json') {
        process.stdout.write(`${JSON.stringify(r, null, 2)}\n`);
        return;
      }
      process.stdout.write(renderRulesText(r));
    });
}
