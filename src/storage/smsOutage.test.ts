import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dispatchBatch, type MessageProvider } from '../notify/dispatcher.js';
import { openDatabase, type DatabaseHandle } from './openDatabase.js';
import { enqueue } from './outbox.js';
import { addMilliseconds } from './instant.js';
import { createTestDatabase, type TestDatabase } from './testing/createTestDatabase.js';
import { T0 } from './testing/fixtures.js';

/**
 * The SMS provider down for a while, then back (issue #8): two dispatchers (two
 * instances) keep running through the outage; every message is delivered once
 * the provider is back, and no message is delivered twice (the provider sees
 * each id succeed exactly once). Time advances by the dispatch loop, not the clock.
 */
describe('SMS provider down for a while, then back [postgres]', () => {
  let t: TestDatabase;
  let second: DatabaseHandle;
  beforeAll(async () => {
    t = await createTestDatabase('postgres');
    second = openDatabase({ dialect: 'postgres', url: t.location, poolMax: 5 });
  });
  afterAll(async () => {
    await second?.close();
    await t?.destroy();
  });

  it('delivers every message exactly once after the outage', async () => {
    const N = 40;
    for (let i = 0; i < N; i++)
      await enqueue(t.db, {
        id: `outage-${i}`,
        channel: 'sms',
        recipient: `1390000${String(i).padStart(4, '0')}`,
        templateId: 'reminder',
        templateVersion: 1,
        payload: { i },
        maxAttempts: 20,
        now: T0,
      });
    let down = true;
    let failures = 0;
    const delivered = new Map<string, number>();
    const provider: MessageProvider = {
      async send(m) {
        await new Promise((r) => setTimeout(r, 1));
        if (down) {
          failures++;
          throw new Error('connect ECONNREFUSED sms-gateway');
        }
        delivered.set(m.id, (delivered.get(m.id) ?? 0) + 1);
        return { providerMessageId: `p-${m.id}` };
      },
    };
    // One minute per round; the provider is down for the first ten minutes.
    let now = T0;
    for (let round = 0; round < 60 && delivered.size < N; round++) {
      if (round === 10) down = false;
      await Promise.all(
        [t.db, second.db].map((db) =>
          dispatchBatch(db, provider, now, { limit: 15, baseBackoffMs: 30_000, maxBackoffMs: 120_000 }),
        ),
      );
      now = addMilliseconds(now, 60_000);
    }
    expect(failures).toBeGreaterThan(0);
    expect(delivered.size).toBe(N);
    for (const [id, n] of delivered) expect(n, id).toBe(1);
    const rows = await t.db
      .selectFrom('outbox')
      .select(['id', 'status'])
      .where('id', 'like', 'outage-%')
      .execute();
    expect(rows.every((r) => r.status === 'sent')).toBe(true);
  }, 60_000);
});
