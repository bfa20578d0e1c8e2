import {
  PostgresAdapter,
  sql,
  type Kysely,
  type QueryExecutor,
  type RawBuilder,
  type SelectQueryBuilder,
  type Transaction,
} from 'kysely';

/**
 * Everything that differs between SQLite and PostgreSQL lives in this file, so
 * that the schema, the repositories and the tests are written once. The rest
 * of `src/storage` asks `specificsOf(db)` instead of branching on the engine.
 */

export type DialectName = 'sqlite' | 'postgres';

/** Anything a repository can run on: the database or a transaction on it. */
export type Executor<DB> = Kysely<DB> | Transaction<DB>;

export type DbErrorKind =
  | 'unique_violation'
  | 'foreign_key_violation'
  | 'check_violation'
  | 'serialization_failure'
  | 'busy'
  | 'unavailable'
  | 'other';

export interface DialectSpecifics {
  readonly name: DialectName;
  /** Column types used by migrations. */
  readonly types: {
    /** JSON documents: `jsonb` on PostgreSQL (queryable), `text` on SQLite. */
    json: 'jsonb' | 'text';
    /** Booleans: native on PostgreSQL; 0/1 integers on SQLite. */
    bool: 'boolean' | 'integer';
    /** 64-bit integers (money in fen can exceed 2^31). */
    bigint: 'bigint' | 'integer';
    /** Binary content (evidence files): `bytea` on PostgreSQL, `blob` on SQLite. */
    bytes: 'bytea' | 'blob';
  };
  /**
   * Units of work worth running at once (a sweep's batch): PostgreSQL locks rows, so several
   * writers proceed together; SQLite has one writer at a time, so more would only queue.
   */
  readonly writerConcurrency: number;
  /** Value to bind for a boolean column (better-sqlite3 refuses JS booleans). */
  bool(value: boolean): boolean | number;
  /** Value to bind for a JSON column. Always a string: node-pg would turn a JS array into a PostgreSQL array. */
  json(value: unknown): string;
  /** Reads a JSON column: PostgreSQL returns the parsed document, SQLite the text. */
  readJson<T = unknown>(value: unknown): T;
  /**
   * Adds a row lock where the engine has one. SQLite has no row locks: a write
   * transaction (we begin them IMMEDIATE) already holds the whole database.
   */
  forUpdate<DB, TB extends keyof DB, O>(
    qb: SelectQueryBuilder<DB, TB, O>,
    opts?: { skipLocked?: boolean },
  ): SelectQueryBuilder<DB, TB, O>;
  /** True when runInTransaction should run the whole unit of work again. */
  isRetryable(error: unknown): boolean;
  /**
   * DDL that makes a table append-only (UPDATE and DELETE raise an error), and
   * the DDL that lifts it again. Table names are fixed identifiers from migrations.
   */
  appendOnlyGuard(table: string): { create: string[]; drop: string[] };
  /**
   * Creates a named counter if it is missing, outside any business transaction:
   * a PostgreSQL sequence (two servers creating it at once: the loser's
   * duplicate error is the winner's success); nothing on SQLite, where the
   * counter row appears on first use. `name` is a fixed identifier `[a-z0-9_]`.
   */
  ensureCounter(db: QueryExecutorProvider, name: string): Promise<void>;
  /**
   * The next value of a named counter, inside the caller's transaction:
   * `nextval` on PostgreSQL (no lock, gaps allowed: a rolled-back transaction
   * consumes its value); an upsert of the `counters` row on SQLite (the single
   * writer holds the database for the whole transaction).
   */
  nextInCounter(tx: QueryExecutorProvider, name: string): Promise<number>;
  /**
   * `column` starts with `prefix`, as a condition an ordinary index answers by a
   * range read: LIKE 'x%' over a `text_pattern_ops` index on PostgreSQL, GLOB
   * 'x*' (case-sensitive, so the BINARY index applies) on SQLite. Wildcards in
   * the prefix match themselves.
   */
  startsWith(column: string, prefix: string): RawBuilder<boolean>;
  /** DDL of the index `startsWith` uses (table and column are fixed identifiers from migrations). */
  prefixIndex(name: string, table: string, column: string): string;
  /** Sets a counter so that the next value is `last + 1` (migrations that backfill numbers). */
  seedCounter(db: QueryExecutorProvider, name: string, last: number): Promise<void>;
}

type QueryExecutorProvider = { getExecutor(): QueryExecutor };

const counterName = (name: string): string => {
  if (!/^[a-z][a-z0-9_]{0,62}$/.test(name)) throw new RangeError(`not a counter name: ${name}`);
  return name;
};

/** Reads a boolean column on either engine (`true`/`false` or `1`/`0`). */
export const readBool = (value: unknown): boolean => value === true || value === 1 || value === 1n;

/**
 * The database cannot be reached or is restarting: the request may succeed if
 * retried (HTTP 503 with Retry-After, not 500). SQLSTATE class 08 (connection
 * exceptions), 57P01–57P03 (administrator shutdown, crash shutdown, cannot
 * connect now), 53300 (too many connections), and the socket errors node-pg
 * passes through.
 */
const UNAVAILABLE = new Set([
  '08000',
  '08001',
  '08003',
  '08004',
  '08006',
  '57P01',
  '57P02',
  '57P03',
  '53300',
  'ECONNREFUSED',
  'ECONNRESET',
  'EPIPE',
  'ETIMEDOUT',
  'EHOSTUNREACH',
]);
const CONNECTION_LOST =
  /^(Connection terminated|Client has encountered a connection error|timeout exceeded when trying to connect|Client was closed)/;

/**
 * Classifies a driver error. node-pg exposes SQLSTATE in `code`; better-sqlite3
 * exposes the extended result code name (e.g. `SQLITE_CONSTRAINT_UNIQUE`).
 */
export function classifyDbError(error: unknown): DbErrorKind {
  const code = (error as { code?: unknown } | null)?.code;
  // node-pg reports a connection that died mid-query without a code.
  if (code === undefined && error instanceof Error && CONNECTION_LOST.test(error.message))
    return 'unavailable';
  if (typeof code !== 'string') return 'other';
  if (UNAVAILABLE.has(code)) return 'unavailable';
  switch (code) {
    case '23505':
    case 'SQLITE_CONSTRAINT_UNIQUE':
    case 'SQLITE_CONSTRAINT_PRIMARYKEY':
      return 'unique_violation';
    case '23503':
    case 'SQLITE_CONSTRAINT_FOREIGNKEY':
      return 'foreign_key_violation';
    case '23514':
    case 'SQLITE_CONSTRAINT_CHECK':
      return 'check_violation';
    case '40001': // serialization_failure
    case '40P01': // deadlock_detected
      return 'serialization_failure';
    case 'SQLITE_BUSY':
    case 'SQLITE_BUSY_SNAPSHOT':
    case 'SQLITE_LOCKED':
      return 'busy';
    default:
      return 'other';
  }
}

const sqlite: DialectSpecifics = {
  name: 'sqlite',
  types: { json: 'text', bool: 'integer', bigint: 'integer', bytes: 'blob' },
  writerConcurrency: 1,
  bool: (value) => (value ? 1 : 0),
  json: (value) => JSON.stringify(value),
  readJson: <T>(value: unknown): T =>
    value === null || value === undefined ? (value as T) : (JSON.parse(String(value)) as T),
  forUpdate: (qb) => qb,
  // busy_timeout already waited; a BUSY that still escapes is worth one more try.
  isRetryable: (error) => classifyDbError(error) === 'busy',
  appendOnlyGuard: (table) => ({
    create: ['update', 'delete'].map(
      (op) =>
        `create trigger ${table}_no_${op} before ${op} on ${table} begin select raise(abort, 'append-only table ${table}'); end`,
    ),
    drop: [`drop trigger if exists ${table}_no_update`, `drop trigger if exists ${table}_no_delete`],
  }),
  startsWith: (column, prefix) =>
    sql<boolean>`${sql.ref(column)} glob ${`${prefix.replace(/[*?[]/g, (c) => `[${c}]`)}*`}`,
  prefixIndex: (name, table, column) => `create index ${name} on ${table} (${column})`,
  ensureCounter: async (_db, name) => {
    counterName(name);
  },
  nextInCounter: async (tx, name) => {
    const r = await sql<{ last: number }>`insert into counters (name, last) values (${counterName(name)}, 1)
      on conflict (name) do update set last = counters.last + 1
      returning last`.execute(tx);
    return Number(r.rows[0]!.last);
  },
  seedCounter: async (db, name, last) => {
    await sql`insert into counters (name, last) values (${counterName(name)}, ${last})
      on conflict (name) do update set last = excluded.last`.execute(db);
  },
};

const postgres: DialectSpecifics = {
  name: 'postgres',
  types: { json: 'jsonb', bool: 'boolean', bigint: 'bigint', bytes: 'bytea' },
  writerConcurrency: 8,
  bool: (value) => value,
  json: (value) => JSON.stringify(value),
  readJson: <T>(value: unknown): T => value as T,
  forUpdate: (qb, opts) => {
    const locked = qb.forUpdate();
    return opts?.skipLocked ? locked.skipLocked() : locked;
  },
  isRetryable: (error) => classifyDbError(error) === 'serialization_failure',
  appendOnlyGuard: (table) => ({
    create: [
      `create or replace function jifen_append_only() returns trigger language plpgsql as $$
       begin raise exception 'append-only table %', tg_table_name; end $$`,
      `create trigger ${table}_append_only before update or delete on ${table} for each row execute function jifen_append_only()`,
    ],
    drop: [`drop trigger if exists ${table}_append_only on ${table}`],
  }),
  // No ESCAPE clause: backslash is PostgreSQL's default, and a constant pattern keeps the index usable.
  startsWith: (column, prefix) =>
    sql<boolean>`${sql.ref(column)} like ${`${prefix.replace(/[\\%_]/g, (c) => `\\${c}`)}%`}`,
  prefixIndex: (name, table, column) => `create index ${name} on ${table} (${column} text_pattern_ops)`,
  ensureCounter: async (db, name) => {
    try {
      await sql`create sequence if not exists ${sql.id(counterName(name))}`.execute(db);
    } catch (e) {
      const code = (e as { code?: unknown } | null)?.code;
      if (classifyDbError(e) !== 'unique_violation' && code !== '42P07') throw e;
    }
  },
  nextInCounter: async (tx, name) => {
    const r = await sql<{ n: string }>`select nextval(${counterName(name)}::regclass) as n`.execute(tx);
    return parseInt8(r.rows[0]!.n);
  },
  seedCounter: async (db, name, last) => {
    await sql`create sequence if not exists ${sql.id(counterName(name))}`.execute(db);
    await sql`select setval(${counterName(name)}::regclass, ${last})`.execute(db);
  },
};

export const dialectSpecifics = (name: DialectName): DialectSpecifics =>
  name === 'postgres' ? postgres : sqlite;

/** The specifics of the engine behind a database or transaction handle. */
export function specificsOf(db: { getExecutor(): QueryExecutor }): DialectSpecifics {
  return db.getExecutor().adapter instanceof PostgresAdapter ? postgres : sqlite;
}

/** How many units of work to run at once on this database (see `writerConcurrency`). */
export const writerConcurrency = (db: { getExecutor(): QueryExecutor }): number =>
  specificsOf(db).writerConcurrency;

/** PostgreSQL returns int8 and numeric as strings; we keep money in fen, well inside 2^53. */
export function parseInt8(value: string): number {
  const n = Number(value);
  if (!Number.isSafeInteger(n)) throw new RangeError(`int8 value outside the safe integer range: ${value}`);
  return n;
}
