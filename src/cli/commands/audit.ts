import { type Command, InvalidArgumentError } from 'commander';
import { verifyAuditChain } from '../../storage/auditLog.js';
import { withDatabase } from '../../storage/withDatabase.js';

/** `jifen audit verify`: exit 0 when the hash chain is intact, 1 naming the first changed or missing event. */
export function registerAuditCommand(program: Command): void {
  const audit = program.command('audit').description('审计日志');
  audit
    .command('verify')
    .description('校验审计日志哈希链：发现被修改、删除或调换顺序的事件')
    .option(
      '--anchor <seq:hash>',
      '外部保存的锚点（此前校验输出的 序号:哈希），用于发现整体重写的链',
      parseAnchor,
    )
    .action(async (opts: { anchor?: { seq: number; hash: string } }) => {
      const result = await withDatabase(({ db }) => verifyAuditChain(db, { anchor: opts.anchor }));
      if (result.ok) {
        process.stdout.write(`审计链完整：共 ${result.count} 个事件，最后序号 ${result.lastSeq}\n`);
        process.stdout.write(`锚点（请另行保存）: ${result.lastSeq}:${result.lastHash}\n`);
        return;
      }
      process.stderr.write(`审计链校验失败: ${result.message}\n`);
      process.stderr.write(
        `  序号: ${result.seq}\n  事件: ${result.id ?? '（已不存在）'}\n  问题: ${result.problem}\n`,
      );
      process.exitCode = 1;
    });
}

function parseAnchor(value: string): { seq: number; hash: string } {
  const m = /^(\d+):([0-9a-f]{64})$/.exec(value.trim());
  if (!m) throw new InvalidArgumentError('应为 序号:64位十六进制哈希');
  return { seq: Number(m[1]), hash: m[2]! };
}
