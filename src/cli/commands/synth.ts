import { createWriteStream, renameSync, rmSync, type WriteStream } from 'node:fs';
import type { Command } from 'commander';
import { isIsoDate } from '../../shared/dates.js';
import { JifenError, type FieldIssue } from '../../shared/errors.js';
import { synthHolder } from '../../synth/synthProfile.js';

interface SynthFlags {
  count?: string;
  seed?: string;
  asOf?: string;
  longCareers?: boolean;
  out?: string;
}

const MAX_COUNT = 100_000_000;
const CHUNK = 1 << 20;

function write(out: NodeJS.WritableStream, text: string): Promise<void> | undefined {
  if (out.write(text)) return undefined;
  return new Promise((resolve, reject) => {
    const onDrain = () => {
      out.off('error', onError);
      resolve();
    };
    const onError = (e: Error) => {
      out.off('drain', onDrain);
      reject(e);
    };
    out.once('drain', onDrain).once('error', onError);
  });
}

/**
 * `jifen synth --count N --seed S`: a deterministic synthetic population as JSONL lines
 * `{ id, district, profile }` (same seed and options → byte-identical output), streamed in
 * 1 MB chunks so that a million lines never sit in memory. With --out, lines go to a
 * temporary file renamed into place at the end: a failed run leaves nothing behind.
 */
export function registerSynthCommand(program: Command): void {
  program
    .command('synth')
    .description('生成确定性的合成持证人人群（JSONL），用于演示、政策影响测算和性能测试')
    .option('--count <n>', '人数')
    .option('--seed <s>', '随机种子（非负整数）；相同种子输出逐字节相同')
    .option('--as-of <date>', '所有档案的申请日（默认 2025-09-15）')
    .option('--long-careers', '全部为 10 年以上的长缴费经历')
    .option('--out <file>', '写入文件（默认标准输出）')
    .action(async (flags: SynthFlags) => {
      const issues: FieldIssue[] = [];
      const count = Number(flags.count);
      const seed = Number(flags.seed);
      if (flags.count === undefined || !/^\d+$/.test(flags.count) || count > MAX_COUNT)
        issues.push({ path: '--count', message: `应为 0 至 ${MAX_COUNT} 之间的整数` });
      if (flags.seed === undefined || !/^\d+$/.test(flags.seed) || seed > 0xffffffff)
        issues.push({ path: '--seed', message: '应为 0 至 4294967295 之间的整数' });
      if (flags.asOf !== undefined && !isIsoDate(flags.asOf))
        issues.push({ path: '--as-of', message: '应为真实存在的日期，格式 YYYY-MM-DD' });
      if (issues.length) throw new JifenError('validation_failed', '命令参数有误', issues);

      const tmp = flags.out ? `${flags.out}.tmp-${process.pid}` : undefined;
      let out: NodeJS.WritableStream | WriteStream = process.stdout;
      if (tmp) {
        const file = createWriteStream(tmp);
        await new Promise<void>((resolve, reject) =>
          file
            .once('open', () => resolve())
            .once('error', () =>
              reject(
                new JifenError('validation_failed', `无法写入文件: ${flags.out}`, [
                  { path: '--out', message: '目录不存在或不可写' },
                ]),
              ),
            ),
        );
        out = file;
      }
      const options = {
        seed,
        ...(flags.asOf ? { asOf: flags.asOf } : {}),
        ...(flags.longCareers ? { longCareers: true } : {}),
      };
      // A reader that stops early (`| head`) closes the pipe: stop generating, quietly, as Unix tools do.
      let closed = false;
      const onPipeError = (e: NodeJS.ErrnoException) => {
        if (e.code === 'EPIPE') closed = true;
        else throw e;
      };
      if (!tmp) process.stdout.on('error', onPipeError);
      try {
        let buf = '';
        for (let i = 0; i < count && !closed; i++) {
          buf += `${JSON.stringify(synthHolder(i, options))}\n`;
          if (buf.length >= CHUNK) {
            await write(out, buf);
            buf = '';
          }
        }
        if (buf) await write(out, buf);
        if (tmp) {
          await new Promise<void>((resolve, reject) =>
            (out as WriteStream).end((e?: Error | null) => (e ? reject(e) : resolve())),
          );
          renameSync(tmp, flags.out!);
        }
      } catch (e) {
        if (tmp) rmSync(tmp, { force: true });
        if ((e as NodeJS.ErrnoException).code === 'EPIPE') return;
        throw e;
      }
    });
}
