import { Migrator } from 'kysely';
import { describe, expect, it } from 'vitest';
import { ensureApplicationCounter, nextApplicationNo, normaliseApplicationNo } from './applicationNumbers.js';
import { migrateToLatest } from './migrate.js';
import { migrations } from './migrations/index.js';
import { describeOnBothEngines } from './testing/bothEngines.js';
import { seedCase } from './testing/fixtures.js';

describe('application numbers as people type them', () => {
  it('forgive case, full-width characters, spaces and a missing dash; refuse anything else', () => {
    expect(normaliseApplicationNo('MH2025-000123')).toBe('MH2025-000123');
    expect(normaliseApplicationNo(' mh2025 000123 ')).toBe('MH2025-000123');
    expect(normaliseApplicationNo('ＭＨ２０２５－１２３')).toBe('MH2025-000123');
    expect(normaliseApplicationNo('MH2025123')).toBe('MH2025-000123');
    expect(normaliseApplicationNo('PD2026-1234567')).toBe('PD2026-1234567');
    expect(normaliseApplicationNo('ZZ2025-000123')).toBeNull();
    expect(normaliseApplicationNo('MH2025-000000')).toBeNull();
    expect(normaliseApplicationNo('demo-case-063')).toBeNull();
    expect(normaliseApplicationNo('张三')).toBeNull();
  });
});

describeOnBothEngines('application numbers', (getDb) => {
  it('existing cases are numbered by the migration and each counter continues after them', async () => {
    const db = getDb();
    const migrator = new Migrator({
      db: db.withoutPlugins(),
      provider: { getMigrations: async () => migrations },
    });
    const down = await migrator.migrateTo('0150_login_guards');
    expect(down.error).toBeUndefined();
    const a = await seedCase(db, '闵行');
    const b = await seedCase(db, '闵行');
    const c = await seedCase(db, '浦东新区');
    await migrateToLatest(db);
    const numbers = await db
      .selectFrom('cases')
      .select(['id', 'applicationNo'])
      .where('id', 'in', [a.id, b.id, c.id])
      .execute();
    const of = (id: string) => numbers.find((n) => n.id === id)!.applicationNo;
    // seedCase stamps 2025-09-15 (Shanghai year 2025); same instant: ordered by id.
    expect([of(a.id), of(b.id)].sort()).toEqual(['MH2025-000001', 'MH2025-000002']);
    expect(of(c.id)).toBe('PD2025-000001');
    await ensureApplicationCounter(db, '闵行', 2025);
    expect(await db.transaction().execute((tx) => nextApplicationNo(tx, '闵行', 2025))).toBe('MH2025-000003');
    // A new district or year starts at 1, created on demand.
    await ensureApplicationCounter(db, '崇明', 2026);
    await ensureApplicationCounter(db, '崇明', 2026);
    expect(await nextApplicationNo(db, '崇明', 2026)).toBe('CM2026-000001');
    expect(await nextApplicationNo(db, '崇明', 2026)).toBe('CM2026-000002');
  });

  it('a rolled-back transaction may leave a gap but never reuses a number', async () => {
    const db = getDb();
    await ensureApplicationCounter(db, '金山', 2025);
    const first = await nextApplicationNo(db, '金山', 2025);
    await expect(
      db.transaction().execute(async (tx) => {
        await nextApplicationNo(tx, '金山', 2025);
        throw new Error('rolled back');
      }),
    ).rejects.toThrow('rolled back');
    const after = await nextApplicationNo(db, '金山', 2025);
    expect(after > first).toBe(true);
    expect(first).toBe('JS2025-000001');
  });
});
