/* eslint-disable @typescript-eslint/no-explicit-any -- a migration is written against the schema of its
   time, not against today's `Database` type (kysely's documented idiom: `Kysely<any>`). */
import { sql, type ColumnDefinitionBuilder, type CreateTableBuilder, type Kysely } from 'kysely';
import { specificsOf } from '../dialectSpecifics.js';

/**
 * The case-management core (issue 4). Portable SQL: ISO dates (`YYYY-MM-DD`)
 * and UTC timestamps are text, money is integer fen, ids are text (UUIDs
 * minted by the application), JSON and booleans follow `dialectSpecifics`.
 *
 * The value lists below are frozen copies: a migration must mean the same
 * thing forever, so later changes come as new migrations, not edits here.
 */

const DISTRICTS = [
  '黄浦',
  '徐汇',
  '长宁',
  '静安',
  '普陀',
  '虹口',
  '杨浦',
  '闵行',
  '宝山',
  '嘉定',
  '浦东新区',
  '金山',
  '松江',
  '青浦',
  '奉贤',
  '崇明',
];
const ROLES = [
  'holder',
  'employer_hr',
  'acceptance_clerk',
  'district_reviewer',
  'district_approver',
  'city_supervisor',
  'admin',
];
const CASE_STATES = [
  'draft',
  'submitted',
  'supplement_required',
  'accepted',
  'under_review',
  'verified',
  'refused',
  'determined',
  'expired',
  'invalidated',
  'withdrawn',
];

const inList = (column: string, values: readonly string[]) =>
  sql`${sql.ref(column)} in (${sql.join(values.map((v) => sql.lit(v)))})`;

const notNull = (c: ColumnDefinitionBuilder) => c.notNull();

export async function up(db: Kysely<any>): Promise<void> {
  const s = specificsOf(db);
  const json = s.types.json;
  const bool = s.types.bool;
  const bigint = s.types.bigint;
  const stamps = <T extends string, C extends string>(t: CreateTableBuilder<T, C>) =>
    t.addColumn('created_at', 'text', notNull).addColumn('updated_at', 'text', notNull);

  // Employers. Applications go to the district where the unit is registered.
  await db.schema
    .createTable('units')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('name', 'text', notNull)
    .addColumn('credit_code', 'text', (c) => c.notNull().unique())
    .addColumn('district', 'text', notNull)
    .addColumn('kind', 'text', notNull)
    .addColumn('registration_status', 'text', (c) => c.notNull().defaultTo('registered'))
    .addColumn('rejection_reason', 'text')
    .addColumn('tax_status', 'text', (c) => c.notNull().defaultTo('paying'))
    .addColumn('operating_status', 'text', (c) => c.notNull().defaultTo('normal'))
    .addColumn('barred_until', 'text')
    .addColumn('registered_at', 'text', notNull)
    .addColumn('verified_at', 'text')
    .addColumn('verified_by', 'text')
    .$call(stamps)
    .addCheckConstraint('units_district_ck', inList('district', DISTRICTS))
    .addCheckConstraint(
      'units_kind_ck',
      inList('kind', [
        'enterprise',
        'public_institution',
        'social_organization',
        'private_non_enterprise',
        'individual_business',
        'representative_office',
        'branch',
      ]),
    )
    .addCheckConstraint(
      'units_registration_ck',
      inList('registration_status', ['registered', 'verified', 'rejected']),
    )
    .addCheckConstraint('units_tax_ck', inList('tax_status', ['paying', 'not_paying']))
    .addCheckConstraint(
      'units_operating_ck',
      inList('operating_status', ['normal', 'abnormal', 'deregistered']),
    )
    .execute();

  // ID numbers and phones are kept whole for the roles that need them; the
  // masked copies are what lists and every other room read (docs/spec/workflow.md).
  await db.schema
    .createTable('holders')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('id_number', 'text', (c) => c.notNull().unique())
    .addColumn('id_number_masked', 'text', notNull)
    .addColumn('name', 'text', notNull)
    .addColumn('phone', 'text')
    .addColumn('phone_masked', 'text')
    .addColumn('birth_date', 'text', notNull)
    .$call(stamps)
    .execute();

  await db.schema
    .createTable('users')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('username', 'text', (c) => c.notNull().unique())
    .addColumn('display_name', 'text', notNull)
    .addColumn('role', 'text', notNull)
    .addColumn('district', 'text')
    .addColumn('unit_id', 'text', (c) => c.references('units.id'))
    .addColumn('holder_id', 'text', (c) => c.references('holders.id'))
    .addColumn('password_hash', 'text')
    .addColumn('active', bool, (c) => c.notNull().defaultTo(s.bool(true)))
    .addColumn('failed_logins', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('locked_until', 'text')
    .addColumn('last_login_at', 'text')
    .$call(stamps)
    .addCheckConstraint('users_role_ck', inList('role', ROLES))
    .addCheckConstraint('users_district_ck', sql`district is null or ${inList('district', DISTRICTS)}`)
    // The room of a role: HR belongs to a unit, district officers to a district, a holder to a holder.
    .addCheckConstraint(
      'users_room_ck',
      sql`(role <> 'employer_hr' or unit_id is not null)
      and (role not in ('acceptance_clerk', 'district_reviewer', 'district_approver') or district is not null)
      and (role <> 'holder' or holder_id is not null)`,
    )
    .execute();
  await db.schema.createIndex('users_unit_ix').on('users').column('unit_id').execute();

  await db.schema
    .createTable('permits')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('holder_id', 'text', (c) => c.notNull().references('holders.id'))
    .addColumn('permit_no', 'text', (c) => c.notNull().unique())
    .addColumn('issued_on', 'text', notNull)
    .addColumn('valid_until', 'text', notNull)
    .addColumn('endorsed_until', 'text', notNull)
    .addColumn('status', 'text', (c) => c.notNull().defaultTo('active'))
    .addColumn('cancelled_on', 'text')
    .$call(stamps)
    .addCheckConstraint('permits_status_ck', inList('status', ['active', 'cancelled']))
    .addCheckConstraint('permits_cancel_ck', sql`(status = 'cancelled') = (cancelled_on is not null)`)
    .execute();
  await db.schema.createIndex('permits_holder_ix').on('permits').column('holder_id').execute();
  // Expiry sweep and 30-day reminders: active permits by the end of their endorsement.
  await db.schema
    .createIndex('permits_sweep_ix')
    .on('permits')
    .columns(['status', 'endorsed_until'])
    .execute();

  // Registry feeds from other agencies, keyed by their natural keys so that a
  // re-import of the same file is an upsert of identical rows (a no-op).
  await db.schema
    .createTable('insurance_months')
    .addColumn('holder_id', 'text', (c) => c.notNull().references('holders.id'))
    .addColumn('month', 'text', notNull)
    .addColumn('base_fen', bigint, notNull)
    .addColumn('unit_credit_code', 'text', notNull)
    .addColumn('back_paid', bool, notNull)
    .addColumn('imported_at', 'text', notNull)
    .addPrimaryKeyConstraint('insurance_months_pk', ['holder_id', 'month'])
    .addCheckConstraint('insurance_months_base_ck', sql`base_fen >= 0`)
    .execute();

  await db.schema
    .createTable('tax_records')
    .addColumn('holder_id', 'text', (c) => c.notNull().references('holders.id'))
    .addColumn('month', 'text', notNull)
    .addColumn('payer_credit_code', 'text', notNull)
    .addColumn('income_fen', bigint, notNull)
    .addColumn('tax_fen', bigint, notNull)
    .addColumn('imported_at', 'text', notNull)
    .addPrimaryKeyConstraint('tax_records_pk', ['holder_id', 'month', 'payer_credit_code'])
    .addCheckConstraint('tax_records_amounts_ck', sql`income_fen >= 0 and tax_fen >= 0`)
    .execute();

  await db.schema
    .createTable('household_records')
    .addColumn('holder_id', 'text', (c) => c.notNull().references('holders.id'))
    .addColumn('record_type', 'text', notNull)
    .addColumn('event_date', 'text', notNull)
    .addColumn('detail', 'text')
    .addColumn('imported_at', 'text', notNull)
    .addPrimaryKeyConstraint('household_records_pk', ['holder_id', 'record_type', 'event_date'])
    .addCheckConstraint(
      'household_type_ck',
      inList('record_type', ['marriage', 'divorce', 'spouse_shanghai_hukou', 'child_birth']),
    )
    .execute();

  await db.schema
    .createTable('education_verifications')
    .addColumn('holder_id', 'text', (c) => c.notNull().references('holders.id'))
    .addColumn('certificate_no', 'text', notNull)
    .addColumn('level', 'text', notNull)
    .addColumn('degree', bool, notNull)
    .addColumn('full_time', bool, notNull)
    .addColumn('foreign_degree', bool, notNull)
    .addColumn('recognized', bool, notNull)
    .addColumn('result', 'text', notNull)
    .addColumn('verified_on', 'text', notNull)
    .addColumn('major_code', 'text')
    .addColumn('major_name', 'text')
    .addColumn('imported_at', 'text', notNull)
    .addPrimaryKeyConstraint('education_verifications_pk', ['holder_id', 'certificate_no'])
    .addCheckConstraint(
      'education_level_ck',
      inList('level', ['senior_high', 'associate', 'bachelor', 'master', 'doctor']),
    )
    .addCheckConstraint('education_result_ck', inList('result', ['verified', 'not_found', 'mismatch']))
    .execute();

  // One application (积分申请). `version` is the optimistic-concurrency token;
  // `holder_role` is who holds the case now (shown to unit and holder).
  await db.schema
    .createTable('cases')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('holder_id', 'text', (c) => c.notNull().references('holders.id'))
    .addColumn('unit_id', 'text', (c) => c.notNull().references('units.id'))
    .addColumn('district', 'text', notNull)
    .addColumn('state', 'text', notNull)
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('holder_role', 'text', notNull)
    .addColumn('held_by', 'text')
    .addColumn('acceptance_date', 'text')
    .addColumn('due_date', 'text')
    .addColumn('due_kind', 'text')
    .addColumn('paused_since', 'text')
    .addColumn('paused_days', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('submitted_at', 'text')
    .addColumn('accepted_at', 'text')
    .addColumn('verified_at', 'text')
    .addColumn('determined_at', 'text')
    .addColumn('closed_at', 'text')
    .addColumn('urgency_reason', 'text')
    .addColumn('urgency_date', 'text')
    .addColumn('urgency_note', 'text')
    .addColumn('created_by', 'text', notNull)
    .$call(stamps)
    .addCheckConstraint('cases_state_ck', inList('state', CASE_STATES))
    .addCheckConstraint('cases_district_ck', inList('district', DISTRICTS))
    .addCheckConstraint('cases_holder_role_ck', inList('holder_role', ROLES))
    .addCheckConstraint('cases_version_ck', sql`version >= 1 and paused_days >= 0`)
    .execute();
  // The district queue: a district's cases in one state, oldest submission first.
  await db.schema
    .createIndex('cases_queue_ix')
    .on('cases')
    .columns(['district', 'state', 'submitted_at'])
    .execute();
  await db.schema.createIndex('cases_unit_ix').on('cases').columns(['unit_id', 'state']).execute();
  await db.schema.createIndex('cases_holder_ix').on('cases').column('holder_id').execute();
  // Deadline sweeps and dashboards: breaches are open cases by due date.
  await db.schema.createIndex('cases_due_ix').on('cases').columns(['state', 'due_date']).execute();
  // The stale-submission sweep (等待受理 for 10 / 30 working days) across all districts.
  await db.schema.createIndex('cases_stale_ix').on('cases').columns(['state', 'submitted_at']).execute();

  await db.schema
    .createTable('claimed_indicators')
    .addColumn('case_id', 'text', (c) => c.notNull().references('cases.id'))
    .addColumn('indicator', 'text', notNull)
    .addColumn('detail', json, notNull)
    .addColumn('claimed_at', 'text', notNull)
    .addPrimaryKeyConstraint('claimed_indicators_pk', ['case_id', 'indicator'])
    .execute();

  await db.schema
    .createTable('materials')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('case_id', 'text', (c) => c.notNull().references('cases.id'))
    .addColumn('code', 'text', notNull)
    .addColumn('label', 'text', notNull)
    .addColumn('indicator', 'text')
    .addColumn('required', bool, notNull)
    .addColumn('status', 'text', (c) => c.notNull().defaultTo('required'))
    .addColumn('defect_reason', 'text')
    .addColumn('updated_by', 'text')
    .$call(stamps)
    .addUniqueConstraint('materials_case_code_uq', ['case_id', 'code'])
    .addCheckConstraint('materials_status_ck', inList('status', ['required', 'received', 'defective']))
    .addCheckConstraint('materials_defect_ck', sql`(status = 'defective') = (defect_reason is not null)`)
    .execute();

  await db.schema
    .createTable('review_tasks')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('case_id', 'text', (c) => c.notNull().references('cases.id'))
    .addColumn('indicator', 'text', notNull)
    .addColumn('status', 'text', (c) => c.notNull().defaultTo('open'))
    .addColumn('assigned_to', 'text')
    .addColumn('referred_to', 'text')
    .addColumn('referred_at', 'text')
    .addColumn('returned_at', 'text')
    .addColumn('outcome_note', 'text')
    .$call(stamps)
    .addUniqueConstraint('review_tasks_case_indicator_uq', ['case_id', 'indicator'])
    .addCheckConstraint(
      'review_tasks_status_ck',
      inList('status', ['open', 'passed', 'failed', 'referred', 'settled']),
    )
    .addCheckConstraint(
      'review_tasks_referral_ck',
      sql`status <> 'referred' or (referred_to is not null and referred_at is not null)`,
    )
    .execute();

  await db.schema
    .createTable('receipts')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('case_id', 'text', (c) => c.notNull().references('cases.id'))
    .addColumn('receipt_no', 'text', (c) => c.notNull().unique())
    .addColumn('items', json, notNull)
    .addColumn('issued_by', 'text', notNull)
    .addColumn('issued_at', 'text', notNull)
    .execute();
  await db.schema.createIndex('receipts_case_ix').on('receipts').column('case_id').execute();

  await db.schema
    .createTable('one_time_notices')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('case_id', 'text', (c) => c.notNull().references('cases.id'))
    .addColumn('sequence', 'integer', notNull)
    .addColumn('items', json, notNull)
    .addColumn('override_reason', 'text')
    .addColumn('issued_by', 'text', notNull)
    .addColumn('issued_at', 'text', notNull)
    .addUniqueConstraint('one_time_notices_case_seq_uq', ['case_id', 'sequence'])
    .execute();

  // Determinations are never overwritten (细则 第九条, 第十二条): a new one supersedes.
  await db.schema
    .createTable('determinations')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('case_id', 'text', (c) => c.notNull().references('cases.id'))
    .addColumn('sequence', 'integer', notNull)
    .addColumn('supersedes', 'text', (c) => c.unique().references('determinations.id'))
    .addColumn('reason', 'text', notNull)
    .addColumn('rules_version', 'text', notNull)
    .addColumn('acceptance_date', 'text', notNull)
    .addColumn('total', 'integer', notNull)
    .addColumn('result', json, notNull)
    .addColumn('explanation', json, notNull)
    .addColumn('verification_code', 'text', (c) => c.notNull().unique())
    .addColumn('decided_by', 'text', notNull)
    .addColumn('decided_at', 'text', notNull)
    .addUniqueConstraint('determinations_case_seq_uq', ['case_id', 'sequence'])
    .addCheckConstraint(
      'determinations_reason_ck',
      inList('reason', ['initial', 'adjustment', 'reconsideration', 'correction', 'confirmation']),
    )
    .addCheckConstraint('determinations_chain_ck', sql`(sequence = 1) = (supersedes is null)`)
    .execute();

  await db.schema
    .createTable('reconsiderations')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('case_id', 'text', (c) => c.notNull().references('cases.id'))
    .addColumn('determination_id', 'text', (c) => c.notNull().references('determinations.id'))
    .addColumn('level', 'text', notNull)
    .addColumn('previous_id', 'text', (c) => c.references('reconsiderations.id'))
    .addColumn('status', 'text', (c) => c.notNull().defaultTo('requested'))
    .addColumn('requested_by', 'text', notNull)
    .addColumn('requested_at', 'text', notNull)
    .addColumn('grounds', 'text', notNull)
    .addColumn('due_date', 'text')
    .addColumn('decided_by', 'text')
    .addColumn('decided_at', 'text')
    .addColumn('outcome', 'text')
    .addColumn('decision_document', json)
    .addColumn('new_determination_id', 'text', (c) => c.references('determinations.id'))
    .$call(stamps)
    .addCheckConstraint('reconsiderations_level_ck', inList('level', ['district', 'city']))
    .addCheckConstraint('reconsiderations_status_ck', inList('status', ['requested', 'decided', 'withdrawn']))
    .addCheckConstraint(
      'reconsiderations_outcome_ck',
      sql`outcome is null or ${inList('outcome', ['upheld', 'changed'])}`,
    )
    .addCheckConstraint('reconsiderations_city_ck', sql`level <> 'city' or previous_id is not null`)
    .execute();
  await db.schema.createIndex('reconsiderations_case_ix').on('reconsiderations').column('case_id').execute();
  await db.schema
    .createIndex('reconsiderations_due_ix')
    .on('reconsiderations')
    .columns(['status', 'due_date'])
    .execute();

  await db.schema
    .createTable('corrections')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('case_id', 'text', (c) => c.notNull().references('cases.id'))
    .addColumn('determination_id', 'text', (c) => c.notNull().references('determinations.id'))
    .addColumn('new_determination_id', 'text', (c) => c.references('determinations.id'))
    .addColumn('reason', 'text', notNull)
    .addColumn('decided_by', 'text', notNull)
    .addColumn('decided_at', 'text', notNull)
    .execute();
  await db.schema.createIndex('corrections_case_ix').on('corrections').column('case_id').execute();

  await db.schema
    .createTable('penalties')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('subject_kind', 'text', notNull)
    .addColumn('holder_id', 'text', (c) => c.references('holders.id'))
    .addColumn('unit_id', 'text', (c) => c.references('units.id'))
    .addColumn('case_id', 'text', (c) => c.references('cases.id'))
    .addColumn('kind', 'text', notNull)
    .addColumn('serious', bool, notNull)
    .addColumn('reason', 'text', notNull)
    .addColumn('amount_fen', bigint)
    .addColumn('effective_from', 'text', notNull)
    .addColumn('effective_until', 'text')
    .addColumn('status', 'text', (c) => c.notNull().defaultTo('in_force'))
    .addColumn('decided_by', 'text', notNull)
    .addColumn('decided_at', 'text', notNull)
    .$call(stamps)
    .addCheckConstraint(
      'penalties_subject_ck',
      sql`(subject_kind = 'individual' and holder_id is not null) or (subject_kind = 'unit' and unit_id is not null)`,
    )
    .addCheckConstraint(
      'penalties_kind_ck',
      inList('kind', ['false_material', 'fine', 'credit_record', 'bar']),
    )
    .addCheckConstraint('penalties_status_ck', inList('status', ['in_force', 'appealed', 'revoked']))
    .execute();
  await db.schema.createIndex('penalties_holder_ix').on('penalties').column('holder_id').execute();
  await db.schema.createIndex('penalties_unit_ix').on('penalties').column('unit_id').execute();

  // Outbox: written in the command's transaction, delivered by the dispatcher.
  await db.schema
    .createTable('outbox')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('channel', 'text', notNull)
    .addColumn('recipient', 'text', notNull)
    .addColumn('template_id', 'text', notNull)
    .addColumn('template_version', 'integer', notNull)
    .addColumn('payload', json, notNull)
    .addColumn('case_id', 'text')
    .addColumn('status', 'text', (c) => c.notNull().defaultTo('pending'))
    .addColumn('attempts', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('max_attempts', 'integer', notNull)
    .addColumn('next_attempt_at', 'text', notNull)
    .addColumn('lease_until', 'text')
    .addColumn('last_error', 'text')
    .addColumn('provider_message_id', 'text')
    .addColumn('sent_at', 'text')
    .addColumn('delivered_at', 'text')
    .$call(stamps)
    .addCheckConstraint('outbox_channel_ck', inList('channel', ['sms', 'unit_message']))
    .addCheckConstraint(
      'outbox_status_ck',
      inList('status', ['pending', 'sending', 'sent', 'delivered', 'failed', 'dead']),
    )
    .execute();
  await db.schema.createIndex('outbox_due_ix').on('outbox').columns(['status', 'next_attempt_at']).execute();
  await db.schema.createIndex('outbox_case_ix').on('outbox').column('case_id').execute();
  await db.schema.createIndex('outbox_provider_ix').on('outbox').column('provider_message_id').execute();

  // Audit: append-only hash chain. `audit_head` is the one row every append
  // locks, which serialises appends so that sequence and prev_hash never fork.
  await db.schema
    .createTable('audit_events')
    .addColumn('seq', 'integer', (c) => c.primaryKey())
    .addColumn('id', 'text', (c) => c.notNull().unique())
    .addColumn('at', 'text', notNull)
    .addColumn('actor_id', 'text', notNull)
    .addColumn('actor_role', 'text', notNull)
    .addColumn('command', 'text', notNull)
    .addColumn('case_id', 'text')
    .addColumn('payload_json', 'text', notNull)
    .addColumn('prev_hash', 'text', notNull)
    .addColumn('hash', 'text', notNull)
    .execute();
  await db.schema
    .createIndex('audit_events_case_ix')
    .on('audit_events')
    .columns(['case_id', 'seq'])
    .execute();
  await db.schema
    .createTable('audit_head')
    .addColumn('id', 'integer', (c) => c.primaryKey())
    .addColumn('last_seq', 'integer', notNull)
    .addColumn('last_hash', 'text', notNull)
    .addCheckConstraint('audit_head_single_ck', sql`id = 1`)
    .execute();
  await db
    .insertInto('audit_head')
    .values({ id: 1, last_seq: 0, last_hash: '0'.repeat(64) })
    .execute();

  await db.schema
    .createTable('idempotency_keys')
    .addColumn('actor_id', 'text', notNull)
    .addColumn('key', 'text', notNull)
    .addColumn('command', 'text', notNull)
    .addColumn('request_hash', 'text', notNull)
    .addColumn('response', json)
    .addColumn('created_at', 'text', notNull)
    .addColumn('completed_at', 'text')
    .addPrimaryKeyConstraint('idempotency_keys_pk', ['actor_id', 'key'])
    .execute();
  await db.schema
    .createIndex('idempotency_keys_created_ix')
    .on('idempotency_keys')
    .column('created_at')
    .execute();

  // The unique key is what makes a sweep safe on several servers at once.
  await db.schema
    .createTable('reminders')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('case_id', 'text', (c) => c.notNull().references('cases.id'))
    .addColumn('kind', 'text', notNull)
    .addColumn('due_on', 'text', notNull)
    .addColumn('created_at', 'text', notNull)
    .addUniqueConstraint('reminders_once_uq', ['case_id', 'kind', 'due_on'])
    .execute();

  // Defence in depth: the audit log and determinations refuse UPDATE and DELETE.
  for (const table of ['audit_events', 'determinations']) {
    for (const ddl of s.appendOnlyGuard(table).create) await sql.raw(ddl).execute(db);
  }
}

export async function down(db: Kysely<any>): Promise<void> {
  const tables = [
    'reminders',
    'idempotency_keys',
    'audit_head',
    'audit_events',
    'outbox',
    'penalties',
    'corrections',
    'reconsiderations',
    'determinations',
    'one_time_notices',
    'receipts',
    'review_tasks',
    'materials',
    'claimed_indicators',
    'cases',
    'education_verifications',
    'household_records',
    'tax_records',
    'insurance_months',
    'permits',
    'users',
    'holders',
    'units',
  ];
  for (const table of tables) await db.schema.dropTable(table).execute();
  if (specificsOf(db).name === 'postgres') await sql`drop function if exists jifen_append_only()`.execute(db);
}
