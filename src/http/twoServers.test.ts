import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { verifyAuditChain } from '../storage/auditLog.js';
import { createTestDatabase, type TestDatabase } from '../storage/testing/createTestDatabase.js';
import { casesPerHolder, draftBurst, seedBurstWorld, type BurstWorld } from './testing/draftBurst.js';
import { startServerProcess, type ServerProcess } from './testing/serverProcess.js';

/**
 * A server killed mid-burst with another still serving (issue #8): two server
 * processes on one PostgreSQL database, clients spread over both; one is
 * kill -9'd once 15 commands are acknowledged. Clients whose request was lost
 * retry the same Idempotency-Key on the survivor: every command ends applied
 * exactly once, nothing acknowledged is lost, the audit chain verifies.
 */
describe('a server killed mid-burst, another still serving [postgres]', () => {
  let t: TestDatabase;
  let a: ServerProcess;
  let b: ServerProcess;
  let world: BurstWorld;
  beforeAll(async () => {
    t = await createTestDatabase('postgres');
    world = await seedBurstWorld(t.db, 60);
    const env = { DATABASE_URL: t.location, LOG_LEVEL: 'silent', JIFEN_SEED_DEMO: 'false' };
    [a, b] = await Promise.all([startServerProcess(env), startServerProcess(env)]);
  }, 90_000);
  afterAll(async () => {
    a?.child.kill('SIGKILL');
    b?.child.kill('SIGKILL');
    await t?.destroy();
  });

  it('the survivor serves the retries; every command is applied once', async () => {
    let killed = false;
    const out = await draftBurst({
      urls: () => (killed ? [b.url] : [a.url, b.url]),
      world,
      concurrency: 8,
      deadlineMs: 40_000,
      onAck: (n) => {
        if (n === 15 && !killed) {
          a.child.kill('SIGKILL');
          killed = true;
        }
      },
    });
    expect(await a.exited).toBe('SIGKILL');
    expect(b.child.exitCode).toBeNull();
    expect([...out.statuses.keys()].every((s) => s === 201 || s === 0)).toBe(true);
    expect(out.acked.size).toBe(world.holders.length);
    const byHolder = await casesPerHolder(t.db, world.holders);
    for (const h of world.holders) expect(byHolder.get(h), h).toEqual([out.acked.get(h)]);
    expect(await verifyAuditChain(t.db)).toMatchObject({ ok: true, count: world.holders.length });
  }, 60_000);
});
