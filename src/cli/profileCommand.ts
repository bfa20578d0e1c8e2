import type { Command } from 'commander';
import type { Profile } from '../profile/profileSchema.js';
import { parseProfileJson } from '../profile/validateProfile.js';
import type { PolicyData } from '../policy/PolicyData.js';
import { JifenError } from '../shared/errors.js';
import { cliPolicy } from './cliPolicy.js';
import { readInput } from './readInput.js';

/**
 * A command that reads one profile and prints what it computes, as Chinese text (default) or JSON:
 * `jifen check`, `jifen checklist`. Bad input is exit 2 with a Chinese message (renderCliError).
 */
export function profileCommand(
  program: Command,
  name: string,
  description: string,
  run: (profile: Profile, policy: PolicyData) => { json: unknown; text: () => string },
): void {
  program
    .command(name)
    .description(description)
    .argument('<profile>', '积分档案 JSON 文件（- 表示标准输入）')
    .option('--format <format>', '输出格式: text（默认，中文）| json')
    .action(async (profilePath: string, flags: { format?: string }) => {
      const format = flags.format ?? 'text';
      if (format !== 'text' && format !== 'json')
        throw new JifenError('validation_failed', `不支持的输出格式: ${format}`, [
          { path: '--format', message: '应为 text 或 json' },
        ]);
      const profile = parseProfileJson(readInput(profilePath));
      const out = run(profile, await cliPolicy());
      process.stdout.write(format === 'json' ? `${JSON.stringify(out.json, null, 2)}\n` : out.text());
    });
}
