/* eslint-disable @typescript-eslint/no-explicit-any -- migrations are written against the schema of their time. */
import { sql, type Kysely } from 'kysely';
import { specificsOf } from '../dialectSpecifics.js';

/**
 * Issue 16 (no city-wide lock), design in docs/audit.md: audit events are
 * chained per subject (a case, a user, a unit, a policy-data subject), each
 * chain with its own head row, so that commands on different subjects never
 * wait for each other; a city-level chain of checkpoints (Merkle roots over
 * the chain heads that moved) anchors every chain.
 *
 * Existing events keep their single legacy chain (chain null, hashed with
 * their global sequence number, head in `audit_head`): they stay verifiable as
 * they are, and the first checkpoint anchors that chain's head like any other.
 * `audit_head` is no longer written by the application.
 *
 * The global `seq` becomes a plain ordering key assigned without a lock (a
 * PostgreSQL sequence; SQLite's rowid): it may have gaps, and gaps are
 * detected per chain by `chain_seq` instead.
 */
export async function up(db: Kysely<any>): Promise<void> {
  const s = specificsOf(db);
  await db.schema.alterTable('audit_events').addColumn('chain', 'text').execute();
  await db.schema.alterTable('audit_events').addColumn('chain_seq', 'integer').execute();
  await db.schema
    .createIndex('audit_events_chain_uq')
    .on('audit_events')
    .columns(['chain', 'chain_seq'])
    .unique()
    .execute();
  if (s.name === 'postgres') {
    await sql`create sequence audit_events_seq as integer owned by audit_events.seq`.execute(db);
    await sql`select setval('audit_events_seq', coalesce((select max(seq) from audit_events), 0) + 1, false)`.execute(
      db,
    );
    await sql`alter table audit_events alter column seq set default nextval('audit_events_seq')`.execute(db);
  }
  // (SQLite: `seq integer primary key` is the rowid, assigned max + 1 when omitted.)

  await db.schema
    .createTable('audit_chains')
    .addColumn('chain', 'text', (c) => c.primaryKey())
    .addColumn('last_seq', 'integer', (c) => c.notNull())
    .addColumn('last_hash', 'text', (c) => c.notNull())
    /** The chain_seq the last checkpoint anchored (a hint for the checkpoint job; verification never trusts it). */
    .addColumn('checkpointed_seq', 'integer', (c) => c.notNull().defaultTo(0))
    .execute();
  await sql`create index audit_chains_pending_ix on audit_chains (chain) where last_seq > checkpointed_seq`.execute(
    db,
  );

  await db.schema
    .createTable('audit_checkpoints')
    .addColumn('seq', 'integer', (c) => c.primaryKey())
    .addColumn('at', 'text', (c) => c.notNull())
    .addColumn('leaf_count', 'integer', (c) => c.notNull())
    .addColumn('event_count', 'integer', (c) => c.notNull())
    .addColumn('merkle_root', 'text', (c) => c.notNull())
    .addColumn('prev_hash', 'text', (c) => c.notNull())
    .addColumn('hash', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createTable('audit_checkpoint_leaves')
    .addColumn('checkpoint_seq', 'integer', (c) => c.notNull())
    .addColumn('chain', 'text', (c) => c.notNull())
    .addColumn('chain_seq', 'integer', (c) => c.notNull())
    .addColumn('hash', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('audit_checkpoint_leaves_pk', ['checkpoint_seq', 'chain'])
    .execute();
  await db.schema
    .createIndex('audit_checkpoint_leaves_chain_ix')
    .on('audit_checkpoint_leaves')
    .columns(['chain', 'chain_seq'])
    .execute();
  await db.schema
    .createTable('audit_checkpoint_head')
    .addColumn('id', 'integer', (c) => c.primaryKey())
    .addColumn('last_seq', 'integer', (c) => c.notNull())
    .addColumn('last_hash', 'text', (c) => c.notNull())
    .addCheckConstraint('audit_checkpoint_head_single_ck', sql`id = 1`)
    .execute();
  await db
    .insertInto('audit_checkpoint_head')
    .values({ id: 1, last_seq: 0, last_hash: '0'.repeat(64) })
    .execute();
  for (const table of ['audit_checkpoints', 'audit_checkpoint_leaves']) {
    for (const ddl of s.appendOnlyGuard(table).create) await sql.raw(ddl).execute(db);
  }
}

export async function down(db: Kysely<any>): Promise<void> {
  const s = specificsOf(db);
  for (const table of [
    'audit_checkpoint_head',
    'audit_checkpoint_leaves',
    'audit_checkpoints',
    'audit_chains',
  ])
    await db.schema.dropTable(table).execute();
  if (s.name === 'postgres') {
    await sql`alter table audit_events alter column seq drop default`.execute(db);
    await sql`drop sequence audit_events_seq`.execute(db);
  }
  await db.schema.dropIndex('audit_events_chain_uq').execute();
  await db.schema.alterTable('audit_events').dropColumn('chain_seq').execute();
  await db.schema.alterTable('audit_events').dropColumn('chain').execute();
}
