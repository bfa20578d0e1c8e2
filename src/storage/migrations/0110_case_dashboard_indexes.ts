/* eslint-disable @typescript-eslint/no-explicit-any -- migrations are written against the schema of their time. */
import type { Kysely } from 'kysely';

/**
 * Issue 4 (case core, after 0002_case_snapshot; numbered after 0100_accounts so that
 * databases that already ran 0100 migrate in order), dashboards at scale (docs/benchmarks.md "Case core"): with 300 000
 * cases the district statistics read every case row of the district (p95
 * 420 ms on SQLite). These indexes let the queue and the dashboard read index
 * ranges only:
 *
 * - `cases_stats_ix` again, now covering `filed_on` and `urgency_reason` too
 *   (the aggregates of `districtStatistics` become index-only);
 * - `cases_urgency_ix`: the district queue ordered by urgency note;
 * - `cases_district_due_ix`: overdue determinations and reconsiderations per district.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.dropIndex('cases_stats_ix').execute();
  await db.schema
    .createIndex('cases_stats_ix')
    .on('cases')
    .columns([
      'district',
      'filed_on',
      'urgency_reason',
      'acceptance_workdays',
      'determination_workdays',
      'determination_on_time',
    ])
    .execute();
  await db.schema
    .createIndex('cases_urgency_ix')
    .on('cases')
    .columns(['district', 'state', 'urgency_date', 'submitted_at', 'id'])
    .execute();
  await db.schema
    .createIndex('cases_district_due_ix')
    .on('cases')
    .columns(['district', 'state', 'due_kind', 'due_date'])
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropIndex('cases_district_due_ix').execute();
  await db.schema.dropIndex('cases_urgency_ix').execute();
  await db.schema.dropIndex('cases_stats_ix').execute();
  await db.schema
    .createIndex('cases_stats_ix')
    .on('cases')
    .columns(['district', 'acceptance_workdays', 'determination_workdays', 'determination_on_time'])
    .execute();
}
