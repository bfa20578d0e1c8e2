import { testPolicy } from '../policy/testing/testPolicy.js';
import { spawn, type ChildProcess } from 'node:child_process';
import { chmodSync, existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  attachUrgencyNote,
  createDraft,
  districtQueue,
  getCaseView,
  submitApplication,
  sweep,
} from '../cases/index.js';
import { at, seedWorld } from '../cases/testing/world.js';
import { verifyAuditChain, writeAuditCheckpoint } from './auditLog.js';
import { openDatabase, type DatabaseHandle } from './openDatabase.js';
import { createTestDatabase, type TestDatabase } from './testing/createTestDatabase.js';

const PGBOUNCER = ['/usr/sbin/pgbouncer', '/usr/bin/pgbouncer'].find((p) => existsSync(p)) ?? 'pgbouncer';

const freePort = () =>
  new Promise<number>((resolve, reject) => {
    const srv = createServer();
    srv.once('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address() as { port: number };
      srv.close(() => resolve(port));
    });
  });

/** Waits until PgBouncer answers a query (a condition, not a fixed sleep), for at most 20 s. */
async function untilAnswers(url: string, child: ChildProcess, log: () => string): Promise<void> {
  const deadline = Date.now() + 20_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`pgbouncer exited (${child.exitCode}): ${log()}`);
    const client = new pg.Client({ connectionString: url });
    try {
      await client.connect();
      await client.query('select 1');
      return;
    } catch (error) {
      if (Date.now() > deadline) throw error;
      await new Promise((r) => setTimeout(r, 100));
    } finally {
      await client.end().catch(() => {});
    }
  }
}

/**
 * Issue 16: production runs the instances behind PgBouncer in transaction pooling mode, where
 * consecutive transactions of one client may run on different server connections. Anything that
 * relies on session state (named prepared statements kept across transactions, session advisory
 * locks, SET without LOCAL, LISTEN) would break here. A private PgBouncer (random port, generated
 * config, trust auth to the local PostgreSQL) carries commands in parallel, reads, the sweep, the
 * checkpoint job and the audit verification.
 */
describe('behind PgBouncer (transaction pooling) [postgres]', () => {
  let direct: TestDatabase;
  let bouncer: ChildProcess;
  let dir: string;
  let handle: DatabaseHandle;
  let output = '';

  beforeAll(async () => {
    direct = await createTestDatabase('postgres');
    const dbName = new URL(direct.location).pathname.slice(1);
    const port = await freePort();
    dir = mkdtempSync(join(tmpdir(), 'jifen-pgbouncer-'));
    // PgBouncer refuses to run as root: it switches to the postgres user, who must read the files.
    chmodSync(dir, 0o755);
    writeFileSync(join(dir, 'userlist.txt'), '"postgres" ""\n', { mode: 0o644 });
    writeFileSync(
      join(dir, 'pgbouncer.ini'),
      [
        '[databases]',
        `${dbName} = host=127.0.0.1 port=5432 dbname=${dbName}`,
        '[pgbouncer]',
        'listen_addr = 127.0.0.1',
        `listen_port = ${port}`,
        'unix_socket_dir =',
        'auth_type = trust',
        `auth_file = ${join(dir, 'userlist.txt')}`,
        'pool_mode = transaction',
        'default_pool_size = 4',
        'max_client_conn = 100',
        'ignore_startup_parameters = extra_float_digits,options',
        '',
      ].join('\n'),
      { mode: 0o644 },
    );
    const asRoot = process.getuid?.() === 0;
    bouncer = spawn(PGBOUNCER, [...(asRoot ? ['-u', 'postgres'] : []), join(dir, 'pgbouncer.ini')], {
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    bouncer.stdout?.on('data', (d: Buffer) => (output += d.toString()));
    bouncer.stderr?.on('data', (d: Buffer) => (output += d.toString()));
    const url = `postgres://postgres@127.0.0.1:${port}/${dbName}`;
    await untilAnswers(url, bouncer, () => output);
    // More client connections than PgBouncer has server connections: transactions share them.
    handle = openDatabase({ dialect: 'postgres', url, poolMax: 12, readUrl: url, readPoolMax: 4 });
  }, 60_000);

  afterAll(async () => {
    await handle?.close();
    if (bouncer && bouncer.exitCode === null) {
      const exited = new Promise((r) => bouncer.once('exit', r));
      bouncer.kill('SIGTERM');
      await exited;
    }
    await direct?.destroy();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it('runs commands in parallel, reads, the sweep, a checkpoint and the audit verification', async () => {
    const db = handle.db;
    const w = await seedWorld(db, 'pgb');
    const filings = [
      { holderId: w.holders.h1, actor: w.actors.hrA },
      { holderId: w.holders.h3, actor: w.actors.hrB },
      { holderId: w.holders.h4, actor: w.actors.hrA },
    ];
    await Promise.all(
      filings.map(async ({ holderId, actor }, i) => {
        const caseId = `pgb-case-${i}`;
        await createDraft(
          db,
          {
            actor,
            idempotencyKey: `pgb-${i}-0`,
            ...at('2025-09-15'),
            input: { holderId, caseId, claims: [{ indicator: 'education' }] },
          },
          testPolicy,
        );
        let { version } = await submitApplication(
          db,
          {
            actor,
            caseId,
            idempotencyKey: `pgb-${i}-1`,
            ...at('2025-09-16'),
            input: {},
          },
          testPolicy,
        );
        for (let k = 2; k < 8; k++)
          ({ version } = await attachUrgencyNote(
            db,
            {
              actor,
              caseId,
              expectedVersion: version,
              idempotencyKey: `pgb-${i}-${k}`,
              ...at('2025-09-16'),
              input: { reason: 'child_school_entry', date: '2025-10-01' },
            },
            testPolicy,
          ));
      }),
    );
    const queue = await districtQueue(
      handle.readDb,
      {
        actor: w.actors.clerk,
        district: '闵行',
        today: '2025-09-17',
        limit: 50,
      },
      testPolicy,
    );
    expect(queue.map((c) => c.caseId).sort()).toEqual(['pgb-case-0', 'pgb-case-1', 'pgb-case-2']);
    const view = await getCaseView(
      db,
      { actor: w.actors.clerk, caseId: 'pgb-case-0', today: '2025-09-17' },
      testPolicy,
    );
    expect(view.version).toBeGreaterThan(2);
    const report = await sweep(db, { ...at('2025-10-20'), deps: testPolicy });
    expect(report.failed).toEqual([]);
    await writeAuditCheckpoint(db, { now: '2025-10-20T03:00:00.000Z' });
    expect(await verifyAuditChain(db)).toMatchObject({
      ok: true,
      uncheckpointed: 0,
      count: 3 * 8 + report.scanned,
    });
    // The same database read directly agrees.
    expect(await verifyAuditChain(direct.db)).toMatchObject({ ok: true, count: 3 * 8 + report.scanned });
  }, 180_000);
});
