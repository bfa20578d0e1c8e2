import type { Command } from 'commander';
import { precheck } from '../../precheck/precheck.js';
import { renderPrecheckText } from '../../precheck/renderPrecheckText.js';
import { parseProfileJson } from '../../profile/validateProfile.js';
import { JifenError } from '../../shared/errors.js';
import { cliPolicy } from '../cliPolicy.js';
import { readInput } from '../readInput.js';

/** `jifen check PROFILE.json`: exit 0 whenever the check ran (eligible or not), 2 on bad input. */
export function registerCheckCommand(program: Command): void {
  program
    .command('check')
    .description('申请条件预检：逐项检查积分申请条件（居住证、社保、单位、账号创建时间等），给出原因与依据')
    .argument('<profile>', '积分档案 JSON 文件（- 表示标准输入）')
    .option('--format <format>', '输出格式: text（默认，中文）| json')
    .action(async (profilePath: string, flags: { format?: string }) => {
      const format = flags.format ?? 'text';
      if (format !== 'text' && format !== 'json')
        throw new JifenError('validation_failed', `不支持的输出格式: ${format}`, [
          { path: '--format', message: '应为 text 或 json' },
        ]);
      const profile = parseProfileJson(readInput(profilePath));
      const policy = await cliPolicy();
      const result = precheck(profile, { rules: policy.rules, calendar: policy.calendar });
      process.stdout.write(
        format === 'json' ? `${JSON.stringify(result, null, 2)}\n` : renderPrecheckText(result),
      );
    });
}
