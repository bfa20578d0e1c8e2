import type { Kysely, Transaction } from 'kysely';
import { specificsOf } from './dialectSpecifics.js';
import type { Database } from './schema.js';

/**
 * Runs a read of several statements on one pooled PostgreSQL connection, taken once (issue 16).
 * Each statement on the pool otherwise queues for a connection of its own, so under load a page
 * of ten statements waits ten times behind the commands holding connections; on one connection
 * it waits once. Not a transaction (no snapshot is promised: each statement sees what is
 * committed when it runs, as before). A transaction or a SQLite handle (one connection already)
 * is used as it is.
 */
export async function onOneConnection<T>(
  db: Kysely<Database> | Transaction<Database>,
  read: (db: Kysely<Database>) => Promise<T>,
): Promise<T> {
  if (db.isTransaction || specificsOf(db).name !== 'postgres') return read(db);
  return db.connection().execute(read);
}
