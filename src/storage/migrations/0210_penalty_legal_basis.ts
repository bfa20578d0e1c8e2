/* eslint-disable @typescript-eslint/no-explicit-any -- migrations are written against the schema of their time. */
import type { Kysely } from 'kysely';

/**
 * Issue 15: a penalty recorded on its own by the city (not through a correction)
 * states its legal basis (处罚依据, e.g. 细则 第十四条) beside its reason. Null for
 * the rows written before, whose basis is the command that recorded them.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('penalties').addColumn('legal_basis', 'text').execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('penalties').dropColumn('legal_basis').execute();
}
