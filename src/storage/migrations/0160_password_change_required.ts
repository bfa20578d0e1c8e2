/* eslint-disable @typescript-eslint/no-explicit-any -- migrations are written against the schema of their time. */
import type { Kysely } from 'kysely';
import { specificsOf } from '../dialectSpecifics.js';

/**
 * Issue 12 (account lifecycle): a password set by someone else — a holder's
 * login opened by the unit's HR, an officer created by the administrator, any
 * reset — must be changed by its owner at the next login. While the flag is set
 * the server refuses every authenticated route except the session, logout and
 * the password change (src/http/auth.ts). Existing accounts are not flagged.
 */
export async function up(db: Kysely<any>): Promise<void> {
  const s = specificsOf(db);
  await db.schema
    .alterTable('users')
    .addColumn('password_change_required', s.types.bool, (c) => c.notNull().defaultTo(s.bool(false)))
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('users').dropColumn('password_change_required').execute();
}
