/* eslint-disable @typescript-eslint/no-explicit-any -- migrations are written against the schema of their time. */
import { sql, type Kysely } from 'kysely';

/**
 * Issue 6 (admin data loads): policy data revisions loaded by an administrator
 * through the web UI — a wage figure, a year of the working-day calendar, the
 * materials catalogue. Append-only (no update, no delete): a later revision of
 * the same kind and key supersedes an earlier one when the server merges them
 * over the dated files of rules/ (src/admin/policyRevisions.ts).
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('policy_revisions')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('kind', 'text', (c) => c.notNull())
    /** What it is about: the wage figure's first month, the calendar year, 'materials'. */
    .addColumn('subject', 'text', (c) => c.notNull())
    /** The validated data, canonical JSON text (same on both engines). */
    .addColumn('payload', 'text', (c) => c.notNull())
    .addColumn('citation', 'text', (c) => c.notNull())
    .addColumn('content_hash', 'text', (c) => c.notNull())
    .addColumn('loaded_by', 'text', (c) => c.notNull().references('users.id'))
    .addColumn('loaded_at', 'text', (c) => c.notNull())
    .addCheckConstraint(
      'policy_revisions_kind_ck',
      sql`kind in ('wage_figure', 'calendar_year', 'materials_catalogue')`,
    )
    .execute();
  await db.schema
    .createIndex('policy_revisions_loaded_ix')
    .on('policy_revisions')
    .columns(['loaded_at', 'id'])
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('policy_revisions').execute();
}
