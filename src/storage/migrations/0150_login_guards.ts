/* eslint-disable @typescript-eslint/no-explicit-any -- migrations are written against the schema of their time. */
import type { Kysely } from 'kysely';

/**
 * Issue 12 (brute force): the login lockout keyed by the username as typed, for
 * known and unknown usernames alike (so the lock itself tells nobody whether an
 * account exists), claimed in one atomic statement before any password is
 * checked: at most `maxFailures` guesses are ever checked per lock period,
 * whatever the concurrency and however many servers share the database. The
 * old users.failed_logins / locked_until columns are no longer written.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('login_guards')
    .addColumn('username', 'text', (c) => c.primaryKey())
    /** Guesses claimed since the last success or the end of the last lock. */
    .addColumn('failures', 'integer', (c) => c.notNull())
    .addColumn('locked_until', 'text')
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('login_guards').execute();
}
