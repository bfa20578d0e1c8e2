import { testPolicy } from '../policy/testing/testPolicy.js';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { DEMO_PASSWORD, DEMO_TODAY, seedDemo } from '../demo/seedDemo.js';
import { describeOnBothEngines } from '../storage/testing/bothEngines.js';
import { Browser, startTestServer, type TestServer } from './testing/startTestServer.js';

/** The case core over real HTTP, on the demo world, by the right (and the wrong) users. */
describeOnBothEngines('case routes over real HTTP', (getDb) => {
  let server: TestServer;
  beforeAll(async () => {
    await seedDemo(getDb(), testPolicy);
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

  it("a unit registers online with its HR account; the district clerk verifies it; HR opens a holder's login", async () => {
    const anon = new Browser(server.url);
    const body = {
      unit: {
        name: '上海测试科技有限公司',
        creditCode: '91310112MA1GB2XX3F',
        district: '闵行',
        kind: 'enterprise',
      },
      hr: { username: 'hr.newco', displayName: '新单位经办人', password: 'a long new password' },
    };
    const key = { 'idempotency-key': 'register-newco-1' };
    const reg = await anon.req('POST', '/api/v1/units/register', body, key);
    expect(reg.status).toBe(201);
    expect(reg.json).toMatchObject({ status: 'registered', username: 'hr.newco', replayed: false });
    expect((await anon.req('POST', '/api/v1/units/register', body, key)).json).toMatchObject({
      replayed: true,
    });
    const hr = new Browser(server.url);
    expect((await hr.login('hr.newco', 'a long new password')).status).toBe(200);

    const foreignClerk = new Browser(server.url);
    await foreignClerk.login('clerk.pd', DEMO_PASSWORD);
    const wrongDistrict = await foreignClerk.req(
      'POST',
      `/api/v1/units/${reg.json.unitId as string}/verify`,
      { decision: 'verified' },
      { 'idempotency-key': 'verify-newco-pd' },
    );
    expect(wrongDistrict.status).toBe(403);
    const clerk = new Browser(server.url);
    await clerk.login('clerk.mh', DEMO_PASSWORD);
    const verified = await clerk.req(
      'POST',
      `/api/v1/units/${reg.json.unitId as string}/verify`,
      { decision: 'verified' },
      { 'idempotency-key': 'verify-newco-mh' },
    );
    expect(verified.status).toBe(200);
    expect(verified.json).toMatchObject({ status: 'verified' });

    const demoHr = new Browser(server.url);
    const me = (await demoHr.login('hr.mh1', DEMO_PASSWORD)).json.user as { unitId: string };
    const list = await demoHr.req('GET', `/api/v1/units/${me.unitId}/cases`);
    expect(list.status).toBe(200);
    let opened: { username: string; initialPassword: string } | undefined;
    for (const c of list.json as unknown as { caseId: string }[]) {
      const r = await demoHr.req('POST', `/api/v1/cases/${c.caseId}/holder-account`, {
        username: `holder.${c.caseId.slice(-6)}`,
      });
      if (r.status === 201) {
        opened = r.json as unknown as { username: string; initialPassword: string };
        break;
      }
      expect(r.status).toBe(409);
    }
    expect(opened).toBeDefined();
    const holder = new Browser(server.url);
    const login = await holder.login(opened!.username, opened!.initialPassword);
    expect(login.status).toBe(200);
    const holderId = (login.json.user as { holderId: string }).holderId;
    // The initial password was chosen by the unit: the holder changes it before anything else.
    expect(login.json.user).toMatchObject({ passwordChangeRequired: true });
    expect((await holder.req('GET', `/api/v1/holders/${holderId}/cases`)).json.reason).toBe(
      'password_change',
    );
    const changed = await holder.req('POST', '/api/v1/auth/password', {
      currentPassword: opened!.initialPassword,
      newPassword: 'my own long secret 7',
    });
    expect(changed.status, changed.text).toBe(200);
    holder.csrf = changed.json.csrfToken as string;
    expect((await holder.req('GET', `/api/v1/holders/${holderId}/cases`)).status).toBe(200);
    expect(
      (
        await hr.req(
          'POST',
          `/api/v1/cases/${(list.json as unknown as { caseId: string }[])[0]!.caseId}/holder-account`,
          { username: 'intruder' },
        )
      ).status,
    ).toBe(403);
    expect(server.logs()).not.toContain('a long new password');
    expect(server.logs()).not.toContain(opened!.initialPassword);
  });

  it('anyone can verify a 积分通知书 by its code: masked summary, unknown, or superseded', async () => {
    const row = await getDb()
      .selectFrom('determinations')
      .select(['verificationCode', 'caseId'])
      .limit(1)
      .executeTakeFirstOrThrow();
    const anon = new Browser(server.url);
    const r = await anon.req('GET', `/api/v1/notices/${row.verificationCode}`);
    expect(r.status).toBe(200);
    expect(['valid', 'superseded', 'lapsed']).toContain(r.json.status);
    const summary = r.json.summary as { holderIdNumber: string; holderName: string; total: number };
    expect(summary.holderIdNumber).toMatch(/\*{4,}/);
    expect(summary.holderName).toContain('*');
    expect(typeof summary.total).toBe('number');
    expect((await anon.req('GET', '/api/v1/notices/ZZZZZZZZZZZZ')).json.status).toBe('unknown');
    const bad = await anon.req('GET', '/api/v1/notices/bad code!');
    expect(bad.status).toBe(400);
    expect(bad.json.errors).toEqual([expect.objectContaining({ path: '$params.code' })]);
    // As printed on the notice (groups of four), in lower case or with dashes: the same notice.
    const printed = row.verificationCode.match(/.{1,4}/g)!;
    for (const typed of [printed.join(' '), printed.join('-').toLowerCase(), ` ${printed.join('  ')} `]) {
      const again = await anon.req('GET', `/api/v1/notices/${encodeURIComponent(typed)}`);
      expect(again.status).toBe(200);
      expect(again.json).toEqual(r.json);
    }
  });
});
