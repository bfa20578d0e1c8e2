/* eslint-disable @typescript-eslint/no-explicit-any -- migrations are written against the schema of their time. */
import type { Kysely } from 'kysely';
import { specificsOf } from '../dialectSpecifics.js';

/**
 * Issue 4, use-case layer (src/cases). Additive only:
 *
 * - `cases.snapshot`: the workflow machine's `CaseSnapshot` (src/workflow/types.ts), the
 *   single source the executor rebuilds the machine's view from; the other case columns
 *   are derived from it on every command (queue, dashboards, sweep read the columns).
 * - `cases.next_sweep_on`: the earliest stored date on which the sweep has something to do
 *   for the case (a reminder, a breach, the permit lapse); null once the case is closed.
 *   The sweep reads only cases with `next_sweep_on <= today` (index), never all of them.
 * - `cases.permit_id`: the permit the case lives on (细则 第十条/第十一条), for invalidation.
 * - `cases.filed_on`, `acceptance_workdays`, `determination_workdays`,
 *   `determination_on_time`: facts for the district statistics, fixed when they happen.
 * - `confirmations` (签注时确认, 细则 第九条) and `refusals` (reasons and citations).
 *
 * The workflow machine's states all fit `cases_state_ck` (its pseudo-state `new` is
 * never stored), so the state CHECK is unchanged.
 */
export async function up(db: Kysely<any>): Promise<void> {
  const s = specificsOf(db);
  const columns: [string, string][] = [
    ['snapshot', s.types.json],
    ['next_sweep_on', 'text'],
    ['permit_id', 'text'],
    ['filed_on', 'text'],
    ['acceptance_workdays', 'integer'],
    ['determination_workdays', 'integer'],
    ['determination_on_time', 'integer'],
  ];
  // One column per statement: SQLite's ALTER TABLE adds one at a time.
  for (const [name, type] of columns) {
    await db.schema
      .alterTable('cases')
      .addColumn(name, type as 'text')
      .execute();
  }
  await db.schema.createIndex('cases_sweep_ix').on('cases').columns(['next_sweep_on', 'id']).execute();
  await db.schema.createIndex('cases_permit_ix').on('cases').column('permit_id').execute();
  // District statistics read these per district without touching the rows.
  await db.schema
    .createIndex('cases_stats_ix')
    .on('cases')
    .columns(['district', 'acceptance_workdays', 'determination_workdays', 'determination_on_time'])
    .execute();

  await db.schema
    .createTable('confirmations')
    .addColumn('case_id', 'text', (c) => c.notNull().references('cases.id'))
    .addColumn('determination_seq', 'integer', (c) => c.notNull())
    .addColumn('valid_until', 'text', (c) => c.notNull())
    .addColumn('confirmed_on', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('confirmations_pk', ['case_id', 'valid_until'])
    .execute();

  await db.schema
    .createTable('refusals')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('case_id', 'text', (c) => c.notNull().references('cases.id'))
    .addColumn('reasons', s.types.json, (c) => c.notNull())
    .addColumn('decided_by', 'text', (c) => c.notNull())
    .addColumn('decided_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('refusals_case_ix').on('refusals').column('case_id').execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('refusals').execute();
  await db.schema.dropTable('confirmations').execute();
  await db.schema.dropIndex('cases_stats_ix').execute();
  await db.schema.dropIndex('cases_permit_ix').execute();
  await db.schema.dropIndex('cases_sweep_ix').execute();
  for (const name of [
    'determination_on_time',
    'determination_workdays',
    'acceptance_workdays',
    'filed_on',
    'permit_id',
    'next_sweep_on',
    'snapshot',
  ]) {
    await db.schema.alterTable('cases').dropColumn(name).execute();
  }
}
