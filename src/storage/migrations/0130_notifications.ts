/* eslint-disable @typescript-eslint/no-explicit-any -- migrations are written against the schema of their time. */
import { sql, type Kysely } from 'kysely';

/**
 * Issue 7 (notifications): the in-system messages of a unit (单位消息). Messages
 * of the workflow to the unit land here, and so does the fallback for an SMS
 * to a holder that could not be delivered (docs/spec/workflow.md: failures are retried
 * and then shown to the unit). `dedup_key` makes each delivery idempotent: the
 * outbox message id for a direct message, `undeliverable:<outbox id>` for a
 * fallback, so a dispatcher re-running after a crash writes nothing twice.
 *
 * The outbox gets `delivery_reported_at`: when the provider's last delivery
 * report arrived (duplicate reports leave it and the status unchanged).
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('unit_messages')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('unit_id', 'text', (c) => c.notNull().references('units.id'))
    .addColumn('case_id', 'text')
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('dedup_key', 'text', (c) => c.notNull().unique())
    .addColumn('template_id', 'text', (c) => c.notNull())
    .addColumn('template_version', 'integer', (c) => c.notNull())
    .addColumn('text', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('read_at', 'text')
    // `notice`: a message of the workflow; `sms_undeliverable`: the fallback of an undelivered SMS.
    .addCheckConstraint('unit_messages_kind_ck', sql`kind in ('notice', 'sms_undeliverable')`)
    .execute();
  await db.schema
    .createIndex('unit_messages_unit_ix')
    .on('unit_messages')
    .columns(['unit_id', 'created_at'])
    .execute();
  await db.schema.alterTable('outbox').addColumn('delivery_reported_at', 'text').execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('outbox').dropColumn('delivery_reported_at').execute();
  await db.schema.dropTable('unit_messages').execute();
}
