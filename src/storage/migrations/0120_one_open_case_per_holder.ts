/* eslint-disable @typescript-eslint/no-explicit-any -- migrations are written against the schema of their time. */
import { sql, type Kysely } from 'kysely';

/**
 * One holder has at most one case that is not finished (refused, withdrawn,
 * expired or invalidated): an adjustment or a reconsideration reuses the case.
 * The use case checks this before inserting, but two HR officers creating the
 * holder's account at the same moment could both pass that check under READ
 * COMMITTED; this partial unique index makes the database refuse the second.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createIndex('cases_one_open_per_holder_ux')
    .on('cases')
    .column('holder_id')
    .unique()
    .where(sql.ref('state'), 'not in', ['refused', 'withdrawn', 'expired', 'invalidated'])
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropIndex('cases_one_open_per_holder_ux').execute();
}
