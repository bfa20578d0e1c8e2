import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import {
  CamelCasePlugin,
  CompiledQuery,
  Kysely,
  PostgresDialect,
  SqliteDialect,
  SqliteDriver,
  type DatabaseConnection,
  type Driver,
  type SqliteDialectConfig,
} from 'kysely';
import pg from 'pg';
import type { StorageConfig } from './config.js';
import { parseInt8, type DialectName } from './dialectSpecifics.js';
import type { Database } from './schema.js';

export interface DatabaseHandle {
  /** The primary: commands, and every read whose version feeds an If-Match. */
  db: Kysely<Database>;
  /**
   * Lists, dashboards and exports only (issue 16): its own pool, on the replica of
   * `DATABASE_READ_URL` or on the primary. May lag the primary by the replica's delay
   * (docs/operations.md). SQLite: the same handle as `db`.
   */
  readDb: Kysely<Database>;
  dialect: DialectName;
  close(): Promise<void>;
  /** Connection pool figures for /metrics (PostgreSQL only; SQLite has one handle). */
  poolStats?: () => PoolStats;
}

export interface PoolStats {
  total: number;
  idle: number;
  waiting: number;
  max: number;
}

/**
 * SQLite transactions begin IMMEDIATE: the write lock is taken at BEGIN, so two
 * processes on one file (two sweeps, a CLI next to the server) queue on
 * busy_timeout instead of failing with SQLITE_BUSY when a reader upgrades.
 */
class ImmediateSqliteDriver extends SqliteDriver {
  override async beginTransaction(connection: DatabaseConnection): Promise<void> {
    await connection.executeQuery(CompiledQuery.raw('begin immediate'));
  }
}

class ImmediateSqliteDialect extends SqliteDialect {
  readonly #config: SqliteDialectConfig;
  constructor(config: SqliteDialectConfig) {
    super(config);
    this.#config = config;
  }
  override createDriver(): Driver {
    return new ImmediateSqliteDriver(this.#config);
  }
}

const INT8_OID = 20;

/** Opens the configured database. Columns are snake_case in SQL and camelCase in TypeScript. */
export function openDatabase(config: StorageConfig): DatabaseHandle {
  const plugins = [new CamelCasePlugin({ maintainNestedObjectKeys: true })];
  if (config.dialect === 'sqlite') {
    if (config.file !== ':memory:') mkdirSync(dirname(config.file), { recursive: true });
    const sqlite = new BetterSqlite3(config.file);
    sqlite.pragma('journal_mode = WAL');
    sqlite.pragma('foreign_keys = ON');
    sqlite.pragma(`busy_timeout = ${Math.trunc(config.busyTimeoutMs)}`);
    // WAL + NORMAL is durable against application crashes; an OS crash may lose the last commits.
    sqlite.pragma('synchronous = NORMAL');
    const db = new Kysely<Database>({ dialect: new ImmediateSqliteDialect({ database: sqlite }), plugins });
    return { db, dialect: 'sqlite', readDb: db, close: () => db.destroy() };
  }
  const pool = pgPool(config.url, config.poolMax);
  const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool }), plugins });
  const readDb =
    config.readUrl === undefined
      ? db
      : new Kysely<Database>({
          dialect: new PostgresDialect({ pool: pgPool(config.readUrl, config.readPoolMax ?? 5) }),
          plugins,
        });
  const poolStats = (): PoolStats => ({
    total: pool.totalCount,
    idle: pool.idleCount,
    waiting: pool.waitingCount,
    max: config.poolMax,
  });
  const close = async () => {
    await db.destroy();
    if (readDb !== db) await readDb.destroy();
  };
  return { db, dialect: 'postgres', readDb, close, poolStats };
}

/**
 * A node-pg pool. Only the extended protocol's unnamed statements are used (kysely never
 * names a prepared statement) and no session state (advisory locks, SET, LISTEN) is relied
 * on, so the pool works behind PgBouncer in transaction mode (src/storage/pgbouncer.test.ts).
 */
function pgPool(url: string, max: number): pg.Pool {
  const pool = new pg.Pool({
    connectionString: url,
    max,
    types: {
      getTypeParser: ((oid: number, format?: 'text' | 'binary') =>
        oid === INT8_OID
          ? parseInt8
          : pg.types.getTypeParser(oid, format ?? 'text')) as typeof pg.types.getTypeParser,
    },
  });
  // An idle client losing its connection must not crash the process; the next query reconnects.
  pool.on('error', () => {});
  // A client checked out of the pool (between the statements of a transaction) has no error
  // listener of the pool's: when PostgreSQL restarts, its 'error' event would crash the
  // process. The failure already reaches the caller as the rejected query (a 503), and the
  // pool drops the broken client when it is released.
  pool.on('connect', (client) => client.on('error', () => {}));
  return pool;
}
