import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { verifyAuditChain } from '../storage/auditLog.js';
import { migrateToLatest } from '../storage/migrate.js';
import { openDatabase, type DatabaseHandle } from '../storage/openDatabase.js';
import {
  postgresBinDir,
  startPrivatePostgres,
  type PrivatePostgres,
} from '../storage/testing/privatePostgres.js';
import { casesPerHolder, draftBurst, seedBurstWorld, type BurstWorld } from './testing/draftBurst.js';
import { startServerProcess, type ServerProcess } from './testing/serverProcess.js';

const bin = postgresBinDir();
if (!bin) console.warn('pgRestart.test.ts skipped: no PostgreSQL server binaries under /usr/lib/postgresql');

/**
 * PostgreSQL restarted during a burst (issue #8), on a private throwaway
 * cluster (never the shared one): the server keeps running and recovers by
 * itself; while the database is away clients get 503 problem+json with
 * Retry-After (never a 500); retrying with the same Idempotency-Key ends with
 * every command applied exactly once, and the audit chain verifies.
 */
describe.skipIf(!bin)('PostgreSQL restarted during a burst', () => {
  let pgc: PrivatePostgres;
  let handle: DatabaseHandle;
  let server: ServerProcess | undefined;
  let world: BurstWorld;
  beforeAll(async () => {
    pgc = await startPrivatePostgres();
    handle = openDatabase({ dialect: 'postgres', url: pgc.url, poolMax: 5 });
    await migrateToLatest(handle.db);
    world = await seedBurstWorld(handle.db, 60);
    server = await startServerProcess({
      DATABASE_URL: pgc.url,
      LOG_LEVEL: 'silent',
      JIFEN_SEED_DEMO: 'false',
    });
  }, 90_000);
  afterAll(async () => {
    server?.child.kill('SIGKILL');
    await handle?.close();
    pgc?.destroy();
  });

  it('the server recovers, clients get retryable 503s, nothing acknowledged is lost or applied twice', async () => {
    let restarted = false;
    const burst = draftBurst({
      urls: () => [server!.url],
      world,
      concurrency: 6,
      deadlineMs: 45_000,
      onAck: (n) => {
        if (n === 15 && !restarted) {
          restarted = true;
          // Stop, stay down for a while, start again (synchronous: pg_ctl waits).
          setTimeout(() => {
            pgc.stop();
            setTimeout(() => pgc.start(), 1500);
          }, 0);
        }
      },
    });
    const out = await burst;
    expect(restarted).toBe(true);
    expect(server!.child.exitCode, server!.output()).toBeNull(); // the server did not crash
    expect(out.statuses.get(500) ?? 0).toBe(0);
    expect(out.retryable503).toBeGreaterThan(0);
    expect([...out.statuses.keys()].every((s) => s === 201 || s === 503 || s === 0)).toBe(true);
    expect(out.acked.size).toBe(world.holders.length);

    const byHolder = await casesPerHolder(handle.db, world.holders);
    for (const h of world.holders) expect(byHolder.get(h), h).toEqual([out.acked.get(h)]);
    expect(await verifyAuditChain(handle.db)).toMatchObject({ ok: true, count: world.holders.length });
    const ready = await fetch(`${server!.url}/readyz`);
    expect(ready.status).toBe(200);
  }, 90_000);
});
