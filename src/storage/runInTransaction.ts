import type { Kysely, Transaction } from 'kysely';
import { specificsOf } from './dialectSpecifics.js';
import type { Database } from './schema.js';

export interface TransactionOptions {
  /**
   * PostgreSQL isolation level. The default, read committed, is what the
   * repositories are designed for: optimistic versions on cases and an
   * explicit lock on the audit head. Ask for serializable for read-decide-write
   * logic that has no such token; serialization failures are then retried.
   */
  isolation?: 'read committed' | 'repeatable read' | 'serializable';
  /** How many times to run the unit of work in all (default 5). */
  maxAttempts?: number;
}

/**
 * Runs `fn` in one transaction: everything or nothing. A serialization failure
 * or deadlock (PostgreSQL) or a lock timeout (SQLite) runs `fn` again, a
 * bounded number of times, so `fn` must have no effect outside the
 * transaction. Called with a transaction, it simply joins it.
 */
export async function runInTransaction<T>(
  db: Kysely<Database> | Transaction<Database>,
  fn: (tx: Transaction<Database>) => Promise<T>,
  options: TransactionOptions = {},
): Promise<T> {
  if (db.isTransaction) return fn(db as Transaction<Database>);
  const specifics = specificsOf(db);
  const maxAttempts = Math.max(1, options.maxAttempts ?? 5);
  for (let attempt = 1; ; attempt++) {
    try {
      let builder = db.transaction();
      if (specifics.name === 'postgres' && options.isolation)
        builder = builder.setIsolationLevel(options.isolation);
      return await builder.execute(fn);
    } catch (error) {
      if (attempt >= maxAttempts || !specifics.isRetryable(error)) throw error;
      // Jittered backoff so that the retrying transactions do not collide again in lockstep.
      await new Promise((resolve) => setTimeout(resolve, Math.random() * 10 * 2 ** attempt));
    }
  }
}
