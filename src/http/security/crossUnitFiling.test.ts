import { testPolicy } from '../../policy/testing/testPolicy.js';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { DEMO_PASSWORD, DEMO_TODAY, seedDemo } from '../../demo/seedDemo.js';
import { describeOnBothEngines } from '../../storage/testing/bothEngines.js';
import { Browser, startTestServer, type TestServer } from '../testing/startTestServer.js';

/**
 * Rooms on every write (issue 12): a unit files, opens logins and reads registry
 * data only for its own employees (the unit paid the holder's latest insured
 * month); a case stays with the unit that filed it.
 */
describeOnBothEngines('cross-unit filing is refused', (getDb) => {
  let server: TestServer;
  let hrA: Browser;
  let hrB: Browser;
  beforeAll(async () => {
    await seedDemo(getDb(), testPolicy);
    server = await startTestServer({
      db: getDb(),
      clock: () => `${DEMO_TODAY}T02:00:00.000Z`,
      loginPerMinute: 10_000,
    });
    hrA = new Browser(server.url);
    hrB = new Browser(server.url);
    expect((await hrA.login('hr.mh1', DEMO_PASSWORD)).status).toBe(200);
    expect((await hrB.login('hr.mh2', DEMO_PASSWORD)).status).toBe(200);
  }, 120_000);
  afterAll(() => server?.close());

  const file = (b: Browser, holderId: string, key: string) =>
    b.req('POST', '/api/v1/cases', { holderId, claims: [] }, { 'idempotency-key': `security-${key}` });

  it('another unit can neither file, nor read the registry, nor mint the login; the case stays with its unit', async () => {
    const db = getDb();
    const list = await hrA.req('GET', '/api/v1/units/demo-mh-1/holders?limit=100');
    expect(list.status).toBe(200);
    const employees = list.json.items as { holderId: string; mayOpenAccount: boolean; openCase: unknown }[];
    const x = employees.find((e) => e.mayOpenAccount && !e.openCase)!.holderId;
    const casesOf = async () =>
      (await db.selectFrom('cases').select('id').where('holderId', '=', x).execute()).map((r) => r.id);

    const before = await casesOf();
    const foreign = await file(hrB, x, 'cross-1');
    expect(foreign.status).toBe(404);
    expect(JSON.stringify(foreign.json)).not.toMatch(/insurance|creditCode|education/);
    expect(await casesOf()).toEqual(before);
    expect((await hrB.req('GET', `/api/v1/units/demo-mh-2/holders/${x}/registry`)).status).toBe(404);
    // An unknown holder answers exactly the same: the unit learns nothing about other units' staff.
    const unknown = await file(hrB, 'nobody-at-all', 'cross-2');
    expect({ status: unknown.status, title: unknown.json.title }).toEqual({
      status: foreign.status,
      title: foreign.json.title,
    });

    const own = await file(hrA, x, 'own-1');
    expect(own.status).toBe(201);
    const caseId = own.json.caseId as string;
    const mint = await hrB.req('POST', `/api/v1/cases/${caseId}/holder-account`, {
      username: 'stolen.login',
    });
    expect(mint.status).toBe(403);
    expect((await hrB.req('GET', `/api/v1/cases/${caseId}/workspace`)).status).toBe(403);
    expect(await db.selectFrom('users').select('id').where('holderId', '=', x).execute()).toEqual([]);

    // The holder moves to unit B (B pays the latest month): B is told of A's open case (409),
    // and A may no longer mint a login or see registry data for someone it no longer employs.
    const b = await db
      .selectFrom('units')
      .select('creditCode')
      .where('id', '=', 'demo-mh-2')
      .executeTakeFirstOrThrow();
    const last = await db
      .selectFrom('insuranceMonths')
      .select((eb) => eb.fn.max('month').as('m'))
      .where('holderId', '=', x)
      .executeTakeFirstOrThrow();
    await db
      .updateTable('insuranceMonths')
      .set({ unitCreditCode: b.creditCode })
      .where('holderId', '=', x)
      .where('month', '=', last.m as string)
      .execute();
    const blocked = await file(hrB, x, 'cross-3');
    expect(blocked.status).toBe(409);
    expect(blocked.json.caseId).toBe(caseId);
    const late = await hrA.req('POST', `/api/v1/cases/${caseId}/holder-account`, { username: 'late.login' });
    expect(late.status).toBe(404);
    const ws = await hrA.req('GET', `/api/v1/cases/${caseId}/workspace`);
    expect(ws.status).toBe(200);
    expect(ws.json.registry).toBeNull();
    expect((await casesOf()).sort()).toEqual([...before, caseId].sort());
  });
});
