import { sql, type Kysely } from 'kysely';
import { specificsOf } from '../dialectSpecifics.js';
import type { Database } from '../schema.js';

/**
 * Lifts the append-only guard of a table, as an attacker with DDL rights could:
 * for tests that prove `verifyAuditChain` still detects what was done.
 */
export async function allowTampering(
  db: Kysely<Database>,
  table: 'audit_events' | 'audit_checkpoints' | 'audit_checkpoint_leaves' | 'determinations',
): Promise<void> {
  for (const ddl of specificsOf(db).appendOnlyGuard(table).drop) await sql.raw(ddl).execute(db);
}
