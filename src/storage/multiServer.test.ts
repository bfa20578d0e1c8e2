import { execFile } from 'node:child_process';
import { resolve } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { insertCase } from './caseRepository.js';
import { dispatchBatch, type MessageProvider } from '../notify/dispatcher.js';
import { openDatabase, type DatabaseHandle } from './openDatabase.js';
import { enqueue } from './outbox.js';
import { createReminderOnce, listReminders } from './reminderRepository.js';
import { ENGINES } from './testing/bothEngines.js';
import { createTestDatabase, DEFAULT_TEST_PG_URL, type TestDatabase } from './testing/createTestDatabase.js';
import { seedHolder, seedUnit, T0 } from './testing/fixtures.js';

const TSX = resolve(import.meta.dirname, '../../node_modules/tsx/dist/esm/index.mjs');
const WORKER = resolve(import.meta.dirname, 'testing/bumpProcess.ts');

/**
 * Two servers on one database: two independent handles (on SQLite, two
 * connections to one file, which the in-process mutex does not serialise).
 */
describe.each(ENGINES)('two servers on one database [%s]', (engine) => {
  let t: TestDatabase;
  let second: DatabaseHandle;
  beforeAll(async () => {
    t = await createTestDatabase(engine);
    second =
      engine === 'sqlite'
        ? openDatabase({ dialect: 'sqlite', file: t.location, busyTimeoutMs: 10_000 })
        : openDatabase({ dialect: 'postgres', url: t.location, poolMax: 20 });
  });
  afterAll(async () => {
    await second?.close();
    await t?.destroy();
  });

  it('read-then-write transactions from three server processes never lose an update', async () => {
    const unit = await seedUnit(t.db);
    const holder = await seedHolder(t.db);
    const c = await insertCase(t.db, {
      holderId: holder.id,
      unitId: unit.id,
      district: '闵行',
      createdBy: 'x',
      now: T0,
    });
    const exec = promisify(execFile);
    await Promise.all(
      [0, 1, 2].map(() =>
        exec(process.execPath, ['--import', TSX, WORKER, engine, t.location, c.id, '15'], {
          env: process.env,
        }),
      ),
    );
    const row = await t.db
      .selectFrom('cases')
      .select('pausedDays')
      .where('id', '=', c.id)
      .executeTakeFirstOrThrow();
    expect(row.pausedDays).toBe(45);
  });

  it('two sweeps create each reminder once', async () => {
    const unit = await seedUnit(t.db);
    const holder = await seedHolder(t.db);
    const c = await insertCase(t.db, {
      holderId: holder.id,
      unitId: unit.id,
      district: '闵行',
      createdBy: 'x',
      now: T0,
    });
    const r = { caseId: c.id, kind: 'permit_expiry_30d', dueOn: '2025-12-01', now: T0 };
    const results = await Promise.all(
      [t.db, second.db, t.db, second.db].map((db) => createReminderOnce(db, r)),
    );
    expect(results.filter(Boolean)).toHaveLength(1);
    expect(await listReminders(t.db, c.id)).toHaveLength(1);
  });

  it('two dispatchers send each message once', async () => {
    for (let i = 0; i < 40; i++) {
      await enqueue(t.db, {
        id: `ms-${i}`,
        channel: 'unit_message',
        recipient: 'unit-1',
        templateId: 't',
        templateVersion: 1,
        payload: {},
        now: T0,
      });
    }
    const calls: string[] = [];
    const provider: MessageProvider = {
      async send(m) {
        calls.push(m.id);
        await new Promise((r) => setTimeout(r, 1));
        return { providerMessageId: m.id };
      },
    };
    await Promise.all(
      [0, 1, 2, 3, 4, 5].map((i) => dispatchBatch(i % 2 ? t.db : second.db, provider, T0, { limit: 7 })),
    );
    await Promise.all(
      [0, 1, 2, 3, 4, 5].map((i) => dispatchBatch(i % 2 ? t.db : second.db, provider, T0, { limit: 7 })),
    );
    expect(calls.filter((id) => id.startsWith('ms-')).sort()).toEqual(
      Array.from({ length: 40 }, (_, i) => `ms-${i}`).sort(),
    );
  });
});

describe('test harness', () => {
  it('fails loudly (never skips) when PostgreSQL is unreachable', async () => {
    const saved = process.env.JIFEN_TEST_PG_URL;
    process.env.JIFEN_TEST_PG_URL = 'postgres://postgres@127.0.0.1:1/postgres';
    try {
      await expect(createTestDatabase('postgres')).rejects.toThrow(
        /PostgreSQL is unreachable at .*does not skip/,
      );
    } finally {
      if (saved === undefined) delete process.env.JIFEN_TEST_PG_URL;
      else process.env.JIFEN_TEST_PG_URL = saved;
    }
    expect(DEFAULT_TEST_PG_URL).toContain('127.0.0.1:5432');
  });
});
