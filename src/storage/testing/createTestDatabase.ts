import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Kysely } from 'kysely';
import pg from 'pg';
import type { DialectName } from '../dialectSpecifics.js';
import { migrateToLatest } from '../migrate.js';
import { openDatabase } from '../openDatabase.js';
import type { Database } from '../schema.js';

export const DEFAULT_TEST_PG_URL = 'postgres://postgres@127.0.0.1:5432/postgres';

export interface TestDatabase {
  db: Kysely<Database>;
  dialect: DialectName;
  /** Where it lives: a file path or a PostgreSQL URL (for CLI tests). */
  location: string;
  destroy(): Promise<void>;
}

/**
 * A fresh, migrated, throw-away database. PostgreSQL: a new database
 * `jifen_test_<random>` on the server of `JIFEN_TEST_PG_URL` (default: local
 * trust auth), dropped by `destroy`. An unreachable server is an error, never a skip.
 */
export async function createTestDatabase(
  dialect: DialectName,
  opts: { poolMax?: number } = {},
): Promise<TestDatabase> {
  if (dialect === 'sqlite') {
    const dir = mkdtempSync(join(tmpdir(), 'jifen-test-'));
    const file = join(dir, 'jifen.sqlite');
    const handle = openDatabase({ dialect: 'sqlite', file, busyTimeoutMs: 10_000 });
    await migrateToLatest(handle.db);
    return {
      db: handle.db,
      dialect,
      location: file,
      destroy: async () => {
        await handle.close();
        rmSync(dir, { recursive: true, force: true });
      },
    };
  }
  const adminUrl = process.env.JIFEN_TEST_PG_URL || DEFAULT_TEST_PG_URL;
  const name = `jifen_test_${randomBytes(6).toString('hex')}`;
  await withAdminClient(adminUrl, (client) => client.query(`create database ${name}`));
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  const handle = openDatabase({ dialect: 'postgres', url: url.toString(), poolMax: opts.poolMax ?? 60 });
  await migrateToLatest(handle.db);
  return {
    db: handle.db,
    dialect,
    location: url.toString(),
    destroy: async () => {
      await handle.close();
      await withAdminClient(adminUrl, (client) =>
        client.query(`drop database if exists ${name} with (force)`),
      );
    },
  };
}

async function withAdminClient(adminUrl: string, fn: (client: pg.Client) => Promise<unknown>): Promise<void> {
  const client = new pg.Client({ connectionString: adminUrl, connectionTimeoutMillis: 5000 });
  try {
    await client.connect();
  } catch (error) {
    const safeUrl = adminUrl.replace(/\/\/[^@/]*@/, '//***@');
    throw new Error(
      `PostgreSQL is unreachable at ${safeUrl} (${(error as Error).message}). ` +
        'The PostgreSQL half of the storage tests does not skip: start PostgreSQL or set JIFEN_TEST_PG_URL.',
      { cause: error },
    );
  }
  try {
    await fn(client);
  } finally {
    await client.end();
  }
}
