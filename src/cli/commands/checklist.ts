import type { Command } from 'commander';
import { checklist } from '../../checklist/checklist.js';
import { renderChecklistText } from '../../checklist/renderChecklistText.js';
import { parseProfileJson } from '../../profile/validateProfile.js';
import { JifenError } from '../../shared/errors.js';
import { cliPolicy } from '../cliPolicy.js';
import { readInput } from '../readInput.js';

/** `jifen checklist PROFILE.json`: the materials to bring, each with the claimed indicator that needs it. */
export function registerChecklistCommand(program: Command): void {
  program
    .command('checklist')
    .description(
      '申请材料清单：按档案申报的积分指标和家庭情况，列出须提交的材料、出具单位、原件/复印件及依据',
    )
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
      const result = checklist(profile, policy.catalogue);
      process.stdout.write(
        format === 'json'
          ? `${JSON.stringify(result, null, 2)}\n`
          : renderChecklistText(result, policy.rules),
      );
    });
}
