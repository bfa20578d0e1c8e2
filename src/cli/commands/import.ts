import { readFile } from 'node:fs/promises';
import { basename } from 'node:path';
import { type Command, InvalidArgumentError } from 'commander';
import { IMPORT_KINDS } from '../../storage/imports/importKinds.js';
import { importRegistryFile, isImportKind } from '../../storage/imports/importRegistryFile.js';
import { toInstant } from '../../storage/instant.js';
import { withDatabase } from '../../storage/withDatabase.js';

/**
 * `jifen import KIND FILE`: loads a registry file (CSV with a header row, or
 * JSONL) all or nothing. A rejected file exits 2 with every bad line listed.
 */
export function registerImportCommand(program: Command): void {
  program
    .command('import')
    .description(
      `导入登记数据（全部成功或全部不写入；重复导入同一文件不会改变数据）。KIND: ${IMPORT_KINDS.join(', ')}`,
    )
    .argument('<kind>', '数据类型', (kind: string) => {
      if (!isImportKind(kind)) throw new InvalidArgumentError(`应为 ${IMPORT_KINDS.join(', ')} 之一`);
      return kind;
    })
    .argument('<file>', '.csv（含表头）或 .jsonl 文件')
    .option('--now <instant>', '导入时间（ISO-8601，默认当前时间）')
    .option('--json', '以 JSON 输出结果')
    .action(
      async (kind: (typeof IMPORT_KINDS)[number], file: string, opts: { now?: string; json?: boolean }) => {
        const content = await readFile(file, 'utf8');
        // The CLI is the edge where the clock is read; storage takes `now` as an argument.
        const now = toInstant(opts.now ?? new Date().toISOString());
        const report = await withDatabase(({ db }) =>
          importRegistryFile(db, kind, basename(file), content, now),
        );
        if (opts.json) process.stdout.write(`${JSON.stringify(report)}\n`);
        else
          process.stdout.write(
            `已导入 ${kind} (${report.format}): 共 ${report.rows} 行，新增 ${report.inserted} 行，未变 ${report.unchanged} 行\n`,
          );
      },
    );
}
