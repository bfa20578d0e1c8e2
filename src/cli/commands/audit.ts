import { type Command, InvalidArgumentError } from 'commander';
import { nowFromClock, parseNowOption } from '../cliTime.js';
import { verifyAuditChain, writeAuditCheckpoint, type AuditProblem } from '../../storage/auditLog.js';
import { chainLabel } from '../../storage/auditSubject.js';
import { withDatabase } from '../../storage/withDatabase.js';

const PROBLEMS: Record<AuditProblem, string> = {
  changed: '事件内容被改动',
  missing: '事件被删除',
  reordered: '事件顺序被改动',
  head_mismatch: '链头与事件不一致',
  anchor_mismatch: '与锚点不符（被整体重写）',
  checkpoint_changed: '检查点被改动',
  checkpoint_missing: '检查点被删除',
};

/**
 * `jifen audit verify`: exit 0 when every chain and the checkpoints are intact, 1 naming the
 * first changed, missing or reordered event; `jifen audit checkpoint`: anchors the chains that
 * grew in the next city-level checkpoint (docs/audit.md).
 */
export function registerAuditCommand(program: Command): void {
  const audit = program.command('audit').description('审计日志');
  audit
    .command('verify')
    .description('校验各案件、账户、单位与政策数据的审计哈希链及检查点链：发现被修改、删除或调换顺序的事件')
    .option(
      '--anchor <seq:hash>',
      '外部保存的锚点（此前检查点输出的 序号:哈希），用于发现整体重写的检查点链',
      parseAnchor,
    )
    .action(async (opts: { anchor?: { seq: number; hash: string } }) => {
      const result = await withDatabase(({ db }) => verifyAuditChain(db, { anchor: opts.anchor }));
      if (result.ok) {
        process.stdout.write(
          `审计链完整：共 ${result.count} 个事件、${result.chains} 条链、${result.checkpoints} 个检查点；尚未被检查点锚定的事件 ${result.uncheckpointed} 个\n`,
        );
        process.stdout.write(`锚点（请另行保存）: ${result.lastSeq}:${result.lastHash}\n`);
        return;
      }
      process.stderr.write(`审计链校验失败: ${result.message}\n`);
      process.stderr.write(
        `  链: ${result.chain === null ? '检查点链' : chainLabel(result.chain)}\n  序号: ${result.seq}\n  事件: ${result.id ?? '（已不存在）'}\n  问题: ${PROBLEMS[result.problem]}\n`,
      );
      process.exitCode = 1;
    });
  audit
    .command('checkpoint')
    .description(
      '写入下一个审计检查点：锚定自上一检查点以来增长的各条审计链（可定时运行，多台同时运行亦安全）',
    )
    .option('--now <date>', '执行时间：YYYY-MM-DD 或 ISO-8601（默认：当前时间）', parseNowOption)
    .action(async (opts: { now?: { now: string } }) => {
      const { now } = opts.now ?? nowFromClock();
      const checkpoint = await withDatabase(({ db }) => writeAuditCheckpoint(db, { now }));
      if (!checkpoint) {
        process.stdout.write('自上一检查点以来没有新的审计事件，未写入检查点\n');
        return;
      }
      process.stdout.write(
        `审计检查点 #${checkpoint.seq}：锚定 ${checkpoint.leafCount} 条链、${checkpoint.eventCount} 个新事件\n`,
      );
      process.stdout.write(`锚点（请另行保存）: ${checkpoint.seq}:${checkpoint.hash}\n`);
    });
}

function parseAnchor(value: string): { seq: number; hash: string } {
  const m = /^(\d+):([0-9a-f]{64})$/.exec(value.trim());
  if (!m) throw new InvalidArgumentError('应为 序号:64位十六进制哈希');
  return { seq: Number(m[1]), hash: m[2]! };
}
