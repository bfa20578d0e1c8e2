/* eslint-disable @typescript-eslint/no-explicit-any -- migrations are written against the schema of their time. */
import type { Kysely } from 'kysely';

/**
 * Issue 16: the case view and the workspace do no work per request that can be
 * precomputed. One row per case and view (`case`: the lists a command changes;
 * `workspace`: claims, registry data, pre-check, checklist and the engine's
 * result), stored with the key it was computed for — the case version, the
 * policy data revision, the Shanghai business day and a fingerprint of the
 * holder's and unit's registry facts. A reader whose key differs recomputes and
 * overwrites the row, so at most one row per case and view is ever kept. The
 * payload is text (never queried inside; identical bytes on both engines).
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('case_view_cache')
    .addColumn('case_id', 'text', (c) => c.notNull().references('cases.id').onDelete('cascade'))
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('case_version', 'integer', (c) => c.notNull())
    .addColumn('data_revision', 'text', (c) => c.notNull())
    .addColumn('business_day', 'text', (c) => c.notNull())
    .addColumn('facts_key', 'text', (c) => c.notNull())
    .addColumn('payload', 'text', (c) => c.notNull())
    .addColumn('computed_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('case_view_cache_pk', ['case_id', 'kind'])
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('case_view_cache').execute();
}
