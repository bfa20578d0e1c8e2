import { afterAll, beforeAll, expect, it } from 'vitest';
import { DEMO_PASSWORD } from '../demo/seedDemo.js';
import { listAuditEventsForCase } from '../storage/auditLog.js';
import { describeOnBothEngines } from '../storage/testing/bothEngines.js';
import { startDemoServer } from './testing/startDemoServer.js';
import { Browser, type TestServer } from './testing/startTestServer.js';

/** Issue 15: 查看完整证件号 at the counter — room-checked, reason required, audited, never cached or logged. */
describeOnBothEngines('identity reveal over real HTTP', (getDb) => {
  let server: TestServer;
  let clerk: Browser;
  let target: { caseId: string; applicationNo: string; idNumber: string; masked: string; unitId: string };
  const reveal = (b: Browser, caseId: string, body: unknown) =>
    b.req('POST', `/api/v1/cases/${caseId}/identity-reveal`, body);
  const reveals = async (caseId: string) =>
    (await listAuditEventsForCase(getDb(), caseId)).filter((e) => e.command === 'reveal_identity');

  beforeAll(async () => {
    const db = getDb();
    server = await startDemoServer(db);
    clerk = new Browser(server.url);
    expect((await clerk.login('clerk.mh', DEMO_PASSWORD)).status).toBe(200);
    const row = await db
      .selectFrom('cases')
      .innerJoin('holders', 'holders.id', 'cases.holderId')
      .select([
        'cases.id',
        'cases.applicationNo',
        'holders.idNumber',
        'holders.idNumberMasked',
        'cases.unitId',
      ])
      .where('cases.district', '=', '闵行')
      .where('cases.state', '=', 'submitted')
      .orderBy('cases.id')
      .executeTakeFirstOrThrow();
    target = {
      caseId: row.id,
      applicationNo: row.applicationNo!,
      idNumber: row.idNumber,
      masked: row.idNumberMasked,
      unitId: row.unitId,
    };
  }, 180_000);
  afterAll(() => server?.close());

  it('the clerk of the district sees the full number once, with a reason; the reveal is its own audit event', async () => {
    const before = (await reveals(target.caseId)).length;
    const r = await reveal(clerk, target.caseId, { reason: '窗口核对本人身份证件' });
    expect(r.status).toBe(200);
    expect(r.json.idNumber).toBe(target.idNumber);
    expect(r.headers.get('cache-control')).toContain('no-store');
    const events = await reveals(target.caseId);
    expect(events).toHaveLength(before + 1);
    const e = events.at(-1)!;
    expect(e).toMatchObject({ actorId: 'u-clerk.mh', actorRole: 'acceptance_clerk' });
    expect(e.payload).toMatchObject({ reason: '窗口核对本人身份证件' });
    // The number is in the answer only: never in the audit event, never in the logs.
    expect(JSON.stringify(e)).not.toContain(target.idNumber);
    expect(server.logs()).not.toContain(target.idNumber);
    // The case view still shows the masked number.
    const view = await clerk.req('GET', `/api/v1/cases/${target.caseId}`);
    expect(view.text).not.toContain(target.idNumber);
  });

  it('without a reason: 400 naming the field, and nothing is revealed or audited', async () => {
    const before = (await reveals(target.caseId)).length;
    for (const body of [{}, { reason: ' ' }]) {
      const r = await reveal(clerk, target.caseId, body);
      expect(r.status).toBe(400);
      expect(r.json.errors!.map((x) => x.path)).toContain('$.reason');
      expect(r.text).not.toContain(target.idNumber);
    }
    // A reason that quotes the number is refused too (the audit log holds no personal data).
    const quoted = await reveal(clerk, target.caseId, { reason: `核对 ${target.idNumber}` });
    expect(quoted.status).toBe(400);
    expect(quoted.text).not.toContain(`"idNumber":"${target.idNumber}"`);
    expect(await reveals(target.caseId)).toHaveLength(before);
  });

  it('outside the room: another district clerk, HR and the holder are refused, unknown cases are 404', async () => {
    const before = (await reveals(target.caseId)).length;
    const pd = new Browser(server.url);
    await pd.login('clerk.pd', DEMO_PASSWORD);
    const foreign = await reveal(pd, target.caseId, { reason: '窗口核对本人身份证件' });
    expect([403, 404]).toContain(foreign.status);
    expect(foreign.text).not.toContain(target.idNumber);

    const hr = new Browser(server.url);
    await hr.login(target.unitId.replace('demo-mh-', 'hr.mh'), DEMO_PASSWORD);
    expect((await reveal(hr, target.caseId, { reason: '核对身份' })).status).toBe(403);

    const city = new Browser(server.url);
    await city.login('city', DEMO_PASSWORD);
    expect((await reveal(city, target.caseId, { reason: '核对身份' })).status).toBe(403);

    expect((await reveal(clerk, 'no-such-case', { reason: '核对身份' })).status).toBe(404);
    expect(await reveals(target.caseId)).toHaveLength(before);
  });

  it('a case opens by its 申请编号 as typed or scanned, within the room only', async () => {
    const typed = target.applicationNo.toLowerCase().replace('-', ' ');
    const r = await clerk.req('GET', `/api/v1/case-numbers/${encodeURIComponent(typed)}`);
    expect(r.status).toBe(200);
    expect(r.json).toEqual({ caseId: target.caseId, applicationNo: target.applicationNo });
    const pd = new Browser(server.url);
    await pd.login('clerk.pd', DEMO_PASSWORD);
    // Another district's number answers like an unknown one.
    const foreign = await pd.req('GET', `/api/v1/case-numbers/${target.applicationNo}`);
    expect(foreign.status).toBe(404);
    expect(foreign.text).not.toContain(target.caseId);
    expect((await clerk.req('GET', '/api/v1/case-numbers/MH2025-999999')).status).toBe(404);
    const bad = await clerk.req('GET', '/api/v1/case-numbers/not-a-number');
    expect(bad.status).toBe(400);
    expect(bad.json.errors!.map((e) => e.path)).toContain('$.applicationNo');
  });
});
