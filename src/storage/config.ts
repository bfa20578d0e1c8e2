import { join } from 'node:path';
import { z } from 'zod';
import { JifenError, type FieldIssue } from '../shared/errors.js';

/** Where the data lives. SQLite (a file) is the embedded default; PostgreSQL is the server setup. */
export type StorageConfig =
  | { dialect: 'sqlite'; file: string; busyTimeoutMs: number }
  | {
      dialect: 'postgres';
      url: string;
      poolMax: number;
      /**
       * Lists, dashboards and exports (issue 16): a replica's URL (`DATABASE_READ_URL`), or the
       * primary's again — in both cases its own pool, so that a burst of commands holding the
       * main pool's connections never makes those reads wait.
       */
      readUrl?: string;
      readPoolMax?: number;
    };

const positiveInt = (max: number) =>
  z
    .string()
    .regex(/^\d+$/, '必须是正整数')
    .transform(Number)
    .pipe(z.number().int().min(1, '必须是正整数').max(max, `不能大于 ${max}`));

const envSchema = z.object({
  DATABASE_URL: z
    .string()
    .trim()
    .regex(/^postgres(ql)?:\/\/\S+$/, '必须是 postgres:// 或 postgresql:// 开头的连接串')
    .optional(),
  JIFEN_DATA_DIR: z.string().trim().min(1, '不能为空').optional(),
  JIFEN_DB_POOL_MAX: positiveInt(500).optional(),
  DATABASE_READ_URL: z
    .string()
    .trim()
    .regex(/^postgres(ql)?:\/\/\S+$/, '必须是 postgres:// 或 postgresql:// 开头的连接串')
    .optional(),
  JIFEN_DB_READ_POOL_MAX: positiveInt(500).optional(),
  JIFEN_SQLITE_BUSY_TIMEOUT_MS: positiveInt(600_000).optional(),
});

/**
 * Reads the storage settings from the environment and fails fast, naming every
 * bad setting, before anything opens a connection. An empty `DATABASE_URL`
 * counts as unset (a common shell and CI idiom).
 */
export function configFromEnv(env: Record<string, string | undefined> = process.env): StorageConfig {
  const picked: Record<string, string> = {};
  for (const key of Object.keys(envSchema.shape)) {
    const value = env[key];
    if (value !== undefined && value !== '') picked[key] = value;
  }
  const parsed = envSchema.safeParse(picked);
  if (!parsed.success) {
    const issues: FieldIssue[] = parsed.error.issues.map((issue) => ({
      path: String(issue.path[0] ?? '$'),
      message: issue.message,
    }));
    throw new JifenError(
      'validation_failed',
      `数据库配置无效: ${issues.map((i) => i.path).join(', ')}`,
      issues,
    );
  }
  const s = parsed.data;
  if (s.DATABASE_URL)
    return {
      dialect: 'postgres',
      url: s.DATABASE_URL,
      poolMax: s.JIFEN_DB_POOL_MAX ?? 10,
      readUrl: s.DATABASE_READ_URL ?? s.DATABASE_URL,
      readPoolMax: s.JIFEN_DB_READ_POOL_MAX ?? 5,
    };
  return {
    dialect: 'sqlite',
    file: join(s.JIFEN_DATA_DIR ?? './data', 'jifen.sqlite'),
    busyTimeoutMs: s.JIFEN_SQLITE_BUSY_TIMEOUT_MS ?? 5000,
  };
}
