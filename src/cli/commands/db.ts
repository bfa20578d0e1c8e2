import type { Command } from 'commander';
import { migrateToLatest, migrationStatus } from '../../storage/migrate.js';
import { withDatabase } from '../../storage/withDatabase.js';

/** `jifen db migrate | status`: the schema of the configured database (SQLite file or DATABASE_URL). */
export function registerDbCommand(program: Command): void {
  const db = program
    .command('db')
    .description('数据库：迁移与状态（默认 SQLite ./data/jifen.sqlite；设置 DATABASE_URL 使用 PostgreSQL）');
  db.command('migrate')
    .description('将数据库结构升级到最新版本')
    .action(async () => {
      await withDatabase(async ({ db: kysely, dialect }) => {
        const outcome = await migrateToLatest(kysely);
        if (outcome.applied.length === 0) process.stdout.write(`数据库已是最新版本 (${dialect})\n`);
        else for (const name of outcome.applied) process.stdout.write(`已执行迁移 ${name} (${dialect})\n`);
      });
    });
  db.command('status')
    .description('列出迁移及其执行时间')
    .action(async () => {
      await withDatabase(async ({ db: kysely }) => {
        for (const m of await migrationStatus(kysely)) {
          process.stdout.write(`${m.name}\t${m.executedAt ? m.executedAt.toISOString() : '未执行'}\n`);
        }
      });
    });
}
