/* eslint-disable @typescript-eslint/no-explicit-any -- migrations are written against the schema of their time. */
import { sql, type Kysely } from 'kysely';
import { specificsOf } from '../dialectSpecifics.js';

/**
 * Issue 15, reconsideration that can correct (复核, 细则 第十二条):
 *
 * - `evidence_files`: the files a holder or the unit's HR attaches to a
 *   reconsideration request, kept IN the database (one backup, one access
 *   path, the same rooms as the case): the name as given (sanitised), the
 *   content type sniffed from the bytes (never the one the browser claimed),
 *   size and SHA-256, and the bytes themselves.
 * - `reconsideration_facts`: a fact added or corrected in the request (a claim
 *   of one indicator, e.g. a 中级职称 forgotten at filing). It is reviewed
 *   against the evidence (accepted / rejected with a note) before the approver
 *   decides; an accepted fact becomes the case's claim of that indicator and
 *   the engine recomputes from it (workflow.md: facts come from the registry or
 *   reviewed evidence, never retyped).
 * - `reconsiderations.disputed`: what is disputed, per item where possible.
 */
export async function up(db: Kysely<any>): Promise<void> {
  const { types } = specificsOf(db);
  await db.schema
    .createTable('evidence_files')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('case_id', 'text', (c) => c.notNull().references('cases.id'))
    .addColumn('reconsideration_id', 'text', (c) => c.notNull().references('reconsiderations.id'))
    .addColumn('uploaded_by', 'text', (c) => c.notNull())
    .addColumn('file_name', 'text', (c) => c.notNull())
    .addColumn('content_type', 'text', (c) => c.notNull())
    .addColumn('size', 'integer', (c) => c.notNull())
    .addColumn('sha256', 'text', (c) => c.notNull())
    .addColumn('bytes', types.bytes, (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addCheckConstraint(
      'evidence_files_type_ck',
      sql`content_type in ('application/pdf', 'image/jpeg', 'image/png')`,
    )
    .addCheckConstraint('evidence_files_size_ck', sql`size > 0 and size <= 10485760`)
    .execute();
  await db.schema
    .createIndex('evidence_files_case_ix')
    .on('evidence_files')
    .columns(['case_id', 'created_at'])
    .execute();
  await db.schema
    .createTable('reconsideration_facts')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('case_id', 'text', (c) => c.notNull().references('cases.id'))
    .addColumn('reconsideration_id', 'text', (c) => c.notNull().references('reconsiderations.id'))
    .addColumn('indicator', 'text', (c) => c.notNull())
    .addColumn('detail', types.json, (c) => c.notNull())
    .addColumn('statement', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull().defaultTo('open'))
    .addColumn('reviewed_by', 'text')
    .addColumn('reviewed_at', 'text')
    .addColumn('review_note', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addCheckConstraint('reconsideration_facts_status_ck', sql`status in ('open', 'accepted', 'rejected')`)
    .addUniqueConstraint('reconsideration_facts_indicator_uq', ['reconsideration_id', 'indicator'])
    .execute();
  await db.schema
    .createIndex('reconsideration_facts_case_ix')
    .on('reconsideration_facts')
    .columns(['case_id', 'status'])
    .execute();
  await db.schema.alterTable('reconsiderations').addColumn('disputed', types.json).execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('reconsiderations').dropColumn('disputed').execute();
  await db.schema.dropTable('reconsideration_facts').execute();
  await db.schema.dropTable('evidence_files').execute();
}
