/* eslint-disable @typescript-eslint/no-explicit-any -- migrations are written against the schema of their time. */
import { sql, type Kysely } from 'kysely';
import { specificsOf } from '../dialectSpecifics.js';

/**
 * Issue 15: the application number a person reads and types (申请编号, e.g.
 * `MH2025-000123`; src/storage/applicationNumbers.ts), one per case, fixed at
 * creation. Existing cases are numbered in the order they were created, per
 * district and Shanghai year of creation, and each counter continues after the
 * last number given. `counters` holds the SQLite counter rows; PostgreSQL uses
 * one sequence per district and year instead (created on demand). Adds the
 * indexes of the officers' search (phone, holder and unit name prefixes).
 */
// Frozen copy (a migration must mean the same thing forever).
const CODES: Record<string, string> = {
  黄浦: 'HP',
  徐汇: 'XH',
  长宁: 'CN',
  静安: 'JA',
  普陀: 'PT',
  虹口: 'HK',
  杨浦: 'YP',
  闵行: 'MH',
  宝山: 'BS',
  嘉定: 'JD',
  浦东新区: 'PD',
  金山: 'JS',
  松江: 'SJ',
  青浦: 'QP',
  奉贤: 'FX',
  崇明: 'CM',
};

const shanghaiYear = (instant: string): number =>
  new Date(Date.parse(instant) + 8 * 3_600_000).getUTCFullYear();

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('counters')
    .addColumn('name', 'text', (c) => c.primaryKey())
    .addColumn('last', 'integer', (c) => c.notNull())
    .execute();
  await db.schema.alterTable('cases').addColumn('application_no', 'text').execute();
  const rows: { id: string; district: string; created_at: string }[] = await db
    .selectFrom('cases')
    .select(['id', 'district', 'created_at'])
    .orderBy('created_at')
    .orderBy('id')
    .execute();
  const last = new Map<string, number>();
  for (const r of rows) {
    const code = CODES[r.district];
    if (!code) throw new Error(`case ${r.id}: unknown district ${r.district}`);
    const year = shanghaiYear(r.created_at);
    const key = `application_no_${code.toLowerCase()}_${year}`;
    const seq = (last.get(key) ?? 0) + 1;
    last.set(key, seq);
    await db
      .updateTable('cases')
      .set({ application_no: `${code}${year}-${String(seq).padStart(6, '0')}` })
      .where('id', '=', r.id)
      .execute();
  }
  for (const [name, n] of last) await specificsOf(db).seedCounter(db, name, n);
  await db.schema
    .createIndex('cases_application_no_ux')
    .on('cases')
    .column('application_no')
    .unique()
    .execute();
  // Search at the counter (issue 15): full phone number exact, holder and unit names by prefix
  // (the ID number and the credit code already have their unique indexes).
  await db.schema.createIndex('holders_phone_ix').on('holders').column('phone').execute();
  const specifics = specificsOf(db);
  await sql.raw(specifics.prefixIndex('holders_name_prefix_ix', 'holders', 'name')).execute(db);
  await sql.raw(specifics.prefixIndex('units_name_prefix_ix', 'units', 'name')).execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const ix of ['units_name_prefix_ix', 'holders_name_prefix_ix', 'holders_phone_ix'])
    await db.schema.dropIndex(ix).execute();
  await db.schema.dropIndex('cases_application_no_ux').execute();
  await db.schema.alterTable('cases').dropColumn('application_no').execute();
  await db.schema.dropTable('counters').execute();
}
