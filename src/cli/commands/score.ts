import { createReadStream } from 'node:fs';
import type { Command } from 'commander';
import { score } from '../../engine/score.js';
import { fastProfileJson } from '../../profile/fastProfile.js';
import type { Profile } from '../../profile/profileSchema.js';
import { isJifenError, JifenError } from '../../shared/errors.js';
import { cliRules } from '../cliPolicy.js';
import { readInput } from '../readInput.js';
import { renderResultText } from '../renderResultText.js';

interface ScoreFlags {
  format?: string;
  batch?: string;
  explain: boolean;
}

export function registerScoreCommand(program: Command): void {
  program
    .command('score')
    .description('模拟估分：按申请日（asOf）适用的积分政策计算积分并逐项说明')
    .argument('[profile]', '积分档案 JSON 文件（- 表示标准输入）')
    .option('--format <format>', '输出格式: text（默认，中文明细）| json | jsonl（批量）')
    .option('--batch <file>', '批量估分：每行一个档案的 JSONL 文件，按输入顺序每行输出一个结果')
    .option('--no-explain', '只输出分值，不附说明（精简结果）')
    .action(async (profilePath: string | undefined, flags: ScoreFlags) => {
      if (flags.batch) return scoreBatch(flags.batch, flags.explain);
      if (!profilePath)
        throw new JifenError('validation_failed', '请指定积分档案文件（或 - 表示标准输入）', [
          { path: '$', message: '缺少 PROFILE 参数' },
        ]);
      const format = flags.format ?? 'text';
      if (format !== 'text' && format !== 'json')
        throw new JifenError('validation_failed', `不支持的输出格式: ${format}`, [
          { path: '--format', message: '应为 text 或 json' },
        ]);
      const profile = await readProfile(readInput(profilePath));
      const result = score(profile, { explain: flags.explain }, await cliRules());
      process.stdout.write(
        format === 'json' ? `${JSON.stringify(result, null, 2)}\n` : renderResultText(result),
      );
    });
}

/**
 * A well-formed profile takes the fast path (no schema is built: start-up, issue 13); anything
 * else goes through the full validation, which names every bad path. The same profile either way.
 */
async function readProfile(text: string): Promise<Profile> {
  const fast = fastProfileJson(text);
  if (fast) return fast;
  const { parseProfileJson } = await import('../../profile/validateProfile.js');
  return parseProfileJson(text);
}

/**
 * One result per input line, in input order. A bad line yields an error object
 * with its line number and the batch goes on. The input is read in the stream's
 * chunks and split here (lines end with \n, \r\n or \r, as readline splits them;
 * readline's per-line async iteration cost as much as scoring), and output is
 * written in chunks of BATCH_CHUNK: the batch is a throughput path, a city's
 * population in one file (issue 13: ≥ 80 % of the same work in process).
 */
async function scoreBatch(path: string, explain: boolean): Promise<void> {
  const rules = await cliRules();
  const input = path === '-' ? process.stdin : createReadStream(path, { highWaterMark: BATCH_CHUNK });
  const opened = new Promise<void>((resolve, reject) => {
    if (path === '-') resolve();
    else
      input
        .once('open', () => resolve())
        .once('error', () =>
          reject(
            new JifenError('input_unreadable', `无法读取输入文件: ${path}`, [
              { path: '$', message: '文件不存在或不可读' },
            ]),
          ),
        );
  });
  await opened;
  input.setEncoding('utf8');
  let buffer: string[] = [];
  let size = 0;
  let lineNo = 0;
  let ok = 0;
  let bad = 0;
  const flush = async () => {
    if (!buffer.length) return;
    const chunk = buffer.join('');
    buffer = [];
    size = 0;
    if (!process.stdout.write(chunk)) await new Promise((r) => process.stdout.once('drain', r));
  };
  /** Adds one line's result (or error object) to the output; true when it is due to be written. */
  const add = (result: () => unknown): boolean => {
    let out: string;
    try {
      out = JSON.stringify(result());
      ok++;
    } catch (e) {
      if (!isJifenError(e)) throw e;
      bad++;
      out = JSON.stringify({ line: lineNo, error: { code: e.code, message: e.message, issues: e.issues } });
    }
    buffer.push(out, '\n');
    size += out.length;
    return size > BATCH_CHUNK;
  };
  const slow = async (line: string) => {
    const { parseProfileJson } = await import('../../profile/validateProfile.js');
    if (add(() => score(parseProfileJson(line), { explain }, rules))) await flush();
  };
  /** One line; synchronous on the fast path (a promise only to write, or for a line it does not take). */
  const next = (line: string): Promise<void> | undefined => {
    lineNo++;
    if (!line.trim()) return undefined;
    const fast = fastProfileJson(line);
    if (!fast) return slow(line);
    return add(() => score(fast, { explain }, rules)) ? flush() : undefined;
  };
  let rest = '';
  for await (const chunk of input as AsyncIterable<string>) {
    const text = rest + chunk;
    // Up to the last \n: a \r ending the chunk may be the first half of a \r\n.
    const end = text.lastIndexOf('\n') + 1;
    rest = text.slice(end);
    if (!end) continue;
    const whole = text.slice(0, end);
    // No \r (the usual case): the same lines, split on the string, faster than the expression.
    const lines = whole.includes('\r') ? whole.split(LINE_BREAK) : whole.split('\n');
    lines.pop(); // the empty string after the last \n
    for (const line of lines) {
      const writing = next(line);
      if (writing) await writing;
    }
  }
  if (rest) for (const line of rest.split(LINE_BREAK)) await next(line);
  await flush();
  process.stderr.write(`批量估分完成：${ok} 行成功，${bad} 行有误。\n`);
}

/** Where readline (crlfDelay: Infinity) ends a line. */
const LINE_BREAK = /\r\n|\r|\n/;

/**
 * The size of the input chunks read and of the output chunks written (64 KiB). Larger chunks
 * (1 MiB) cost a quarter more CPU per line, measured (docs/benchmarks.md, issue 13): a chunk's
 * lines and the results waiting to be written live through several young-generation garbage
 * collections, each of which copies them (then promotes them to the old generation), while at
 * 64 KiB they are written, and die, between two collections. 64 KiB is also a pipe's capacity.
 */
export const BATCH_CHUNK = 1 << 16;
