import { spawnSync } from 'node:child_process';
import { dirname } from 'node:path';
import { afterEach, expect, it } from 'vitest';
import { DEMO_PASSWORD } from '../demo/seedDemo.js';
import { describeOnBothEngines } from '../storage/testing/bothEngines.js';
import { Browser } from './testing/startTestServer.js';
import { REPO_ROOT, startServerProcess, type ServerProcess } from './testing/serverProcess.js';

/** The demo's verified units in seeding order; holder i works at UNITS[(i - 1) % 12]. */
const UNITS = ['mh', 'pd', 'xh', 'ja'].flatMap((d) => [1, 2, 3].map((k) => `${d}${k}`));
/** Demo holders 91–200 have no case yet. */
const HOLDERS = Array.from({ length: 110 }, (_, j) => 91 + j).map((i) => ({
  holderId: `demo-h${String(i).padStart(3, '0')}`,
  hr: `hr.${UNITS[(i - 1) % UNITS.length]}`,
}));

type Outcome = { status: number; caseId?: string; replayed?: boolean } | { error: string };

/**
 * kill -9 during a burst of commands: every command acknowledged (2xx) before the
 * kill is there after a restart on the same data; retrying every command with its
 * key replays it or applies it once (one case per holder); the audit chain verifies.
 */
describeOnBothEngines('crash: kill -9 during a burst of commands', (getDb, engine, getTestDb) => {
  let server: ServerProcess | undefined;
  afterEach(() => {
    server?.child.kill('SIGKILL');
  });

  it('every acknowledged command survives; retries replay or apply once; the audit chain verifies', async () => {
    const t0 = Date.now();
    const location = getTestDb().location;
    const env: Record<string, string> =
      engine === 'sqlite'
        ? { JIFEN_DATA_DIR: dirname(location), LOG_LEVEL: 'warn' }
        : { DATABASE_URL: location, LOG_LEVEL: 'warn' };
    server = await startServerProcess(env);
    // The server runs on the real clock: keep the burst's permits in force whatever today is
    // (the demo's endorsements end in 2025 and 2026).
    await getDb()
      .updateTable('permits')
      .set({ validUntil: '2099-12-31', endorsedUntil: '2099-12-31' })
      .where(
        'holderId',
        'in',
        HOLDERS.map((h) => h.holderId),
      )
      .execute();

    // One logged-in browser per unit's HR.
    const browsers = new Map<string, Browser>();
    for (const hr of new Set(HOLDERS.map((h) => h.hr))) {
      const b = new Browser(server.url);
      expect((await b.login(hr, DEMO_PASSWORD)).status).toBe(200);
      browsers.set(hr, b);
    }
    const key = (holderId: string) => `crash-${engine}-${holderId}`;
    const create = async (b: Browser, holderId: string): Promise<Outcome> => {
      try {
        const r = await b.req(
          'POST',
          '/api/v1/cases',
          { holderId, claims: [{ indicator: 'education' }] },
          { 'idempotency-key': key(holderId) },
        );
        return { status: r.status, caseId: r.json?.caseId as string, replayed: r.json?.replayed as boolean };
      } catch (error) {
        return { error: String((error as Error).cause ?? error) };
      }
    };

    // The burst: 8 commands in flight at a time; kill -9 once 30 have been acknowledged.
    const outcomes = new Map<string, Outcome>();
    let acked = 0;
    let killed = false;
    const queue = [...HOLDERS];
    const victim = server;
    await Promise.all(
      Array.from({ length: 8 }, async () => {
        for (let h = queue.shift(); h && !killed; h = queue.shift()) {
          const o = await create(browsers.get(h.hr)!, h.holderId);
          outcomes.set(h.holderId, o);
          if ('status' in o && o.status >= 200 && o.status < 300 && ++acked >= 30 && !killed) {
            killed = true;
            victim.child.kill('SIGKILL');
          }
        }
      }),
    );
    expect(await victim.exited).toBe('SIGKILL');
    const ackedBeforeKill = [...outcomes].filter(([, o]) => 'status' in o && o.status === 201);
    expect(ackedBeforeKill.length).toBeGreaterThanOrEqual(30);
    // Nothing but acknowledgements and lost connections: no 4xx/5xx during the burst.
    for (const [, o] of outcomes) if ('status' in o) expect(o.status).toBe(201);

    // Restart on the same data: sessions live in the database, so the browsers still work.
    server = await startServerProcess(env);
    for (const [hr, old] of browsers) {
      const b = new Browser(server.url);
      b.cookies = old.cookies;
      b.csrf = old.csrf;
      browsers.set(hr, b);
    }
    for (const [holderId, o] of ackedBeforeKill) {
      const hr = HOLDERS.find((h) => h.holderId === holderId)!.hr;
      const r = await browsers.get(hr)!.req('GET', `/api/v1/cases/${(o as { caseId: string }).caseId}`);
      expect(r.status, `acknowledged case of ${holderId}`).toBe(200);
      expect(r.json).toMatchObject({ holderId, state: 'draft' });
    }

    // Retry every command that was sent (acknowledged, lost or never answered) with its own key.
    const sent = HOLDERS.filter((h) => outcomes.has(h.holderId));
    let replays = 0;
    for (const h of sent) {
      const before = outcomes.get(h.holderId)!;
      const r = await create(browsers.get(h.hr)!, h.holderId);
      expect(r, `retry for ${h.holderId}`).toMatchObject({ status: 201 });
      const retried = r as { caseId: string; replayed: boolean };
      if ('status' in before) {
        expect(retried).toMatchObject({ replayed: true, caseId: before.caseId });
        replays++;
      } else if (retried.replayed) replays++;
    }
    expect(replays).toBeGreaterThanOrEqual(ackedBeforeKill.length);

    // One case per holder: nothing was applied twice.
    const rows = await getDb()
      .selectFrom('cases')
      .select(['holderId', (eb) => eb.fn.countAll<number>().as('n')])
      .where(
        'holderId',
        'in',
        sent.map((h) => h.holderId),
      )
      .groupBy('holderId')
      .execute();
    expect(rows).toHaveLength(sent.length);
    for (const row of rows) expect(Number(row.n), row.holderId).toBe(1);

    server.child.kill('SIGTERM');
    expect(await server.exited).toBe(0);
    server = undefined;

    const audit = spawnSync(`${REPO_ROOT}bin/jifen`, ['audit', 'verify'], {
      cwd: REPO_ROOT,
      env: { ...process.env, DATABASE_URL: '', JIFEN_DATA_DIR: '', ...env },
      encoding: 'utf8',
      timeout: 30_000,
    });
    expect(audit.status, audit.stderr + audit.stdout).toBe(0);
    expect(audit.stdout).toContain('审计链完整');
    expect(Date.now() - t0).toBeLessThan(60_000);
  }, 90_000);
});
