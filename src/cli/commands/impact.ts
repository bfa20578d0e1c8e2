import { createReadStream, statSync } from 'node:fs';
import type { Readable } from 'node:stream';
import cliProgress from 'cli-progress';
import type { Command } from 'commander';
import { reformRuleSet } from '../../impact/reformRuleSet.js';
import { renderImpactText } from '../../impact/renderImpactText.js';
import { runImpact } from '../../impact/runImpact.js';
import { JifenError, type FieldIssue } from '../../shared/errors.js';
import { cliPolicy } from '../cliPolicy.js';
import { readInput } from '../readInput.js';

interface ImpactFlags {
  population: string;
  reform: string;
  format?: string;
  progress?: boolean;
}

async function openInput(path: string): Promise<{ stream: Readable; size: number | undefined }> {
  if (path === '-') return { stream: process.stdin, size: undefined };
  const stream = createReadStream(path, { highWaterMark: 1 << 20 });
  await new Promise<void>((resolve, reject) =>
    stream
      .once('open', () => resolve())
      .once('error', () =>
        reject(
          new JifenError('input_unreadable', `无法读取人口文件: ${path}`, [
            { path: '--population', message: '文件不存在或不可读' },
          ]),
        ),
      ),
  );
  return { stream, size: statSync(path).size };
}

/**
 * `jifen impact --population FILE.jsonl --reform REFORM.yaml`: the report goes to stdout
 * only once every line has been read and scored; a progress bar (stderr) when stderr is a
 * terminal or with --progress.
 */
export function registerImpactCommand(program: Command): void {
  program
    .command('impact')
    .description(
      '政策影响测算：同一人群按现行规则与改革方案分别计分，比较达标人数、分数分布，按区和年龄段分列',
    )
    .requiredOption(
      '--population <file>',
      '人群文件（JSONL，每行 { id, district, profile } 或一个积分档案；- 表示标准输入）',
    )
    .requiredOption('--reform <file>', '改革方案 YAML 文件（自某日起调整的参数）')
    .option('--format <format>', '输出格式: text（默认，中文）| json')
    .option('--progress', '总是显示进度条（默认仅当标准错误输出为终端时显示）')
    .action(async (flags: ImpactFlags) => {
      const issues: FieldIssue[] = [];
      const format = flags.format ?? 'text';
      if (format !== 'text' && format !== 'json')
        issues.push({ path: '--format', message: '应为 text 或 json' });
      if (issues.length) throw new JifenError('validation_failed', '命令参数有误', issues);
      const { rules } = await cliPolicy();
      const { reform, rules: after } = reformRuleSet(readInput(flags.reform), rules);
      const { stream, size } = await openInput(flags.population);
      const show = flags.progress === true || process.stderr.isTTY === true;
      const bar = show
        ? new cliProgress.SingleBar(
            {
              format: size
                ? '政策影响测算 [{bar}] {percentage}% | {lines} 行 | 剩余 {eta_formatted}'
                : '政策影响测算 {lines} 行',
              noTTYOutput: flags.progress === true,
              notTTYSchedule: 2000,
              hideCursor: true,
            },
            cliProgress.Presets.shades_classic,
          )
        : undefined;
      bar?.start(size ?? 0, 0, { lines: 0 });
      try {
        const report = await runImpact({
          input: stream,
          reform,
          before: rules,
          after,
          onProgress: bar
            ? (lines) =>
                bar.update(size ? ((stream as { bytesRead?: number }).bytesRead ?? 0) : lines, { lines })
            : undefined,
        });
        bar?.update(size ?? report.population.lines, { lines: report.population.lines });
        bar?.stop();
        process.stdout.write(
          format === 'json' ? `${JSON.stringify(report, null, 2)}\n` : renderImpactText(report),
        );
      } catch (e) {
        bar?.stop();
        throw e;
      }
    });
}
