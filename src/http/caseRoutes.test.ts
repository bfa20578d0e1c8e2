import { afterAll, beforeAll, expect, it } from 'vitest';
import { DEMO_PASSWORD, DEMO_TODAY, seedDemo } from '../cases/demo/seedDemo.js';
import { describeOnBothEngines } from '../storage/testing/bothEngines.js';
import { Browser, startTestServer, type TestServer } from './testing/startTestServer.js';

/** The case core over real HTTP, on the demo world, by the right (and the wrong) users. */
describeOnBothEngines('case routes over real HTTP', (getDb) => {
  let server: TestServer;
  beforeAll(async () => {
    await seedDemo(getDb());
    server = await startTestServer({
      db: getDb(),
      clock: () => `${DEMO_TODAY}T02:00:00.000Z`,
      loginPerMinute: 10_000,
    });
  }, 120_000);
  afterAll(() => server?.close());

  it('a clerk works the district queue: accept with an idempotency key, a retry replays, other rooms are refused', async () => {
    const clerk = new Browser(server.url);
    expect((await clerk.login('clerk.mh', DEMO_PASSWORD)).status).toBe(200);
    const queue = await clerk.req(
      'GET',
      '/api/v1/districts/闵行/queue'.replace('闵行', encodeURIComponent('闵行')),
    );
    expect(queue.status).toBe(200);
    const rows = queue.json as unknown as {
      caseId: string;
      version: number;
      waitingWorkdays: number | null;
    }[];
    expect(rows.length).toBeGreaterThan(0);
    const c = rows[0]!;

    const view = await clerk.req('GET', `/api/v1/cases/${c.caseId}`);
    expect(view.status).toBe(200);
    const received = (view.json.materials as { code: string }[]).map((m) => m.code);

    const noKey = await clerk.req('POST', `/api/v1/cases/${c.caseId}/accept`, { received });
    expect(noKey.status).toBe(400);
    expect(noKey.json.errors!.map((e) => e.path)).toContain('$headers.idempotency-key');

    const headers = { 'idempotency-key': `accept-${c.caseId}`, 'if-match': String(c.version) };
    const accepted = await clerk.req('POST', `/api/v1/cases/${c.caseId}/accept`, { received }, headers);
    expect(accepted.status).toBe(200);
    expect(accepted.json).toMatchObject({ state: 'accepted', replayed: false });
    const again = await clerk.req('POST', `/api/v1/cases/${c.caseId}/accept`, { received }, headers);
    expect(again.json).toMatchObject({ state: 'accepted', replayed: true, version: accepted.json.version });

    const stale = await clerk.req(
      'POST',
      `/api/v1/cases/${c.caseId}/return`,
      { items: [{ itemId: received[0], problem: 'defective', reason: '复印件不清晰' }] },
      { 'idempotency-key': `late-${c.caseId}`, 'if-match': String(c.version) },
    );
    expect(stale.status).toBe(409);

    const otherClerk = new Browser(server.url);
    await otherClerk.login('clerk.pd', DEMO_PASSWORD);
    const foreign = await otherClerk.req('GET', `/api/v1/cases/${c.caseId}`);
    expect(foreign.status).toBe(403);
    expect(foreign.json.reason).toBe('room');
    expect(
      (await otherClerk.req('GET', `/api/v1/districts/${encodeURIComponent('闵行')}/queue`)).status,
    ).toBe(403);

    const approver = new Browser(server.url);
    await approver.login('approver.mh', DEMO_PASSWORD);
    const wrongRole = await approver.req(
      'POST',
      `/api/v1/cases/${c.caseId}/accept`,
      { received },
      { 'idempotency-key': `x-${c.caseId}` },
    );
    expect(wrongRole.status).toBe(403);
  });

  it('district statistics for the district officer', async () => {
    const approver = new Browser(server.url);
    await approver.login('approver.mh', DEMO_PASSWORD);
    const stats = await approver.req('GET', `/api/v1/districts/${encodeURIComponent('闵行')}/statistics`);
    expect(stats.status).toBe(200);
    expect(stats.json).toHaveProperty('casesByState');
  });
});
