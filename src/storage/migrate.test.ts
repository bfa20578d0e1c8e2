import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { migrateToLatest, migrationStatus } from './migrate.js';
import { migrations } from './migrations/index.js';
import { createTestDatabase } from './testing/createTestDatabase.js';
import { ENGINES } from './testing/bothEngines.js';

const TABLES = [
  'audit_events',
  'audit_head',
  'cases',
  'claimed_indicators',
  'corrections',
  'determinations',
  'education_verifications',
  'holders',
  'household_records',
  'idempotency_keys',
  'insurance_months',
  'materials',
  'one_time_notices',
  'outbox',
  'penalties',
  'permits',
  'receipts',
  'reconsiderations',
  'reminders',
  'review_tasks',
  'tax_records',
  'units',
  'users',
];

describe.each(ENGINES)('migrations [%s]', (engine) => {
  it('runs up from empty, is idempotent, and creates every table', async () => {
    const t = await createTestDatabase(engine);
    try {
      const status = await migrationStatus(t.db);
      expect(status.map((m) => m.name)).toEqual(Object.keys(migrations));
      expect(status.every((m) => m.executedAt !== undefined)).toBe(true);
      // A second run applies nothing.
      const again = await migrateToLatest(t.db);
      expect(again.applied).toEqual([]);
      const tables = (await t.db.introspection.getTables()).map((x) => x.name).sort();
      expect(tables).toEqual(expect.arrayContaining(TABLES));
      const head = await t.db.selectFrom('auditHead').selectAll().executeTakeFirstOrThrow();
      expect(head).toEqual({ id: 1, lastSeq: 0, lastHash: '0'.repeat(64) });
      // Integers come back as numbers on both engines (PostgreSQL int8 is parsed).
      const { n } = await sql<{ n: number }>`select count(*) as n from units`
        .execute(t.db)
        .then((r) => r.rows[0]!);
      expect(n).toBe(0);
    } finally {
      await t.destroy();
    }
  });

  it('runs down to empty again', async () => {
    const t = await createTestDatabase(engine);
    try {
      const { Migrator, NO_MIGRATIONS } = await import('kysely');
      const migrator = new Migrator({
        db: t.db.withoutPlugins(),
        provider: { getMigrations: async () => migrations },
      });
      const { error } = await migrator.migrateTo(NO_MIGRATIONS);
      expect(error).toBeUndefined();
      const tables = (await t.db.introspection.getTables()).map((x) => x.name);
      expect(tables.filter((x) => TABLES.includes(x))).toEqual([]);
    } finally {
      await t.destroy();
    }
  });
});
