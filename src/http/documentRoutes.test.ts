import { afterAll, beforeAll, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { seedWorld, type World } from '../cases/testing/world.js';
import { caseWithEveryDocument } from '../documents/testing/determinedCase.js';
import { pdfText, qrCodes } from '../documents/testing/pdfTools.js';
import { insertDetermination } from '../storage/index.js';
import { describeOnBothEngines } from '../storage/testing/bothEngines.js';
import { signInUsers, type NamedUser } from './testing/signInEveryRole.js';
import { Browser, startTestServer, type TestServer } from './testing/startTestServer.js';

const PASSWORD = 'documents password 2025';
const PUBLIC_URL = 'https://jifen.example.gov.cn';
const flat = (s: string) => s.replace(/\s+/g, '');
const KINDS = ['application-form', 'receipt', 'one-time-notice', 'points-notice', 'reconsideration-decision'];

/**
 * The printed documents over real HTTP: each to exactly the readers of the case
 * (holder, its unit's HR, the district's officers, the city), the 积分通知书's QR
 * code leads to the verification page, which confirms the notice.
 */
describeOnBothEngines('documents and verification over HTTP', (getDb, engine) => {
  let server: TestServer;
  let w: World;
  let code = '';
  const caseId = `doc-${engine}`;
  const as = new Map<string, Browser>();
  beforeAll(async () => {
    const db = getDb();
    w = await seedWorld(db, `doc${engine}`);
    ({ verificationCode: code } = await caseWithEveryDocument(db, w, caseId));
    const now = '2025-11-06T02:00:00.000Z';
    server = await startTestServer({
      db,
      clock: () => now,
      loginPerMinute: 10_000,
      env: { JIFEN_PUBLIC_URL: `${PUBLIC_URL}/` },
    });
    const users: NamedUser[] = [
      ['holder', 'holder', { holderId: w.holders.h1 }],
      ['hr', 'employer_hr', { unitId: w.units.a }],
      ['hrOther', 'employer_hr', { unitId: w.units.b }],
      ['clerk', 'acceptance_clerk', { district: '闵行' }],
      ['approver', 'district_approver', { district: '闵行' }],
      ['clerkPd', 'acceptance_clerk', { district: '浦东新区' }],
      ['city', 'city_supervisor', {}],
      ['admin', 'admin', {}],
    ];
    for (const [name, b] of await signInUsers(db, server.url, users, {
      suffix: engine,
      password: PASSWORD,
      now,
    }))
      as.set(name, b);
  }, 120_000);
  afterAll(() => server?.close());

  const download = (who: string, kind: string, query = '') =>
    as.get(who)!.req('GET', `/api/v1/cases/${caseId}/documents/${kind}.pdf${query}`);

  it('each document goes to the readers of the case, in their rooms, and nobody else', async () => {
    for (const kind of KINDS) {
      for (const who of ['holder', 'hr', 'clerk', 'approver', 'city']) {
        const r = await download(who, kind);
        expect(r.status, `${kind} by ${who}: ${r.text.slice(0, 200)}`).toBe(200);
        expect(r.headers.get('content-type')).toBe('application/pdf');
        expect(r.headers.get('cache-control')).toContain('no-store');
      }
      expect((await download('hrOther', kind)).json).toMatchObject({ status: 403, reason: 'room' });
      expect((await download('clerkPd', kind)).json).toMatchObject({ status: 403, reason: 'room' });
      expect((await download('admin', kind)).json).toMatchObject({ status: 403, reason: 'role' });
      expect(
        (await new Browser(server.url).req('GET', `/api/v1/cases/${caseId}/documents/${kind}.pdf`)).status,
      ).toBe(401);
    }
    expect((await as.get('city')!.req('GET', `/api/v1/cases/nope/documents/receipt.pdf`)).status).toBe(404);
    expect((await download('city', 'one-time-notice', '?ref=9')).json).toMatchObject({ status: 404 });
    // Every print is in the audit log, by ids only.
    const prints = await getDb()
      .selectFrom('auditEvents')
      .select(['payloadJson', 'actorRole'])
      .where('caseId', '=', caseId)
      .where('command', '=', 'print_document')
      .execute();
    expect(prints.length).toBe(KINDS.length * 5);
    expect(prints.map((p) => JSON.parse(p.payloadJson).document)).toContain('points-notice');
  });

  it('the documents carry the case: receipt, notice items, points, decision', async () => {
    const text = async (kind: string) => {
      const r = await fetch(`${server.url}/api/v1/cases/${caseId}/documents/${kind}.pdf`, {
        headers: { cookie: [...as.get('hr')!.cookies].map(([k, v]) => `${k}=${v}`).join('; ') },
      });
      return flat(pdfText(Buffer.from(await r.arrayBuffer())));
    };
    expect(await text('application-form')).toContain('用人单位盖章处');
    expect(await text('receipt')).toMatch(/SJ20250924-/);
    expect(await text('one-time-notice')).toContain('缺少：未带原件');
    const notice = await text('points-notice');
    expect(notice).toContain('上海市居住证积分通知书');
    expect(notice).toContain(`${PUBLIC_URL}/verify/${code}`);
    expect(notice).toContain('3101********');
    expect(await text('reconsideration-decision')).toContain('维持第1次积分核定结果');
  });

  it('the QR code of the notice opens the verification page, which confirms it; a superseded code says so', async () => {
    const r = await fetch(`${server.url}/api/v1/cases/${caseId}/documents/points-notice.pdf`, {
      headers: { cookie: [...as.get('holder')!.cookies].map(([k, v]) => `${k}=${v}`).join('; ') },
    });
    const [url] = qrCodes(Buffer.from(await r.arrayBuffer()));
    expect(url).toBe(`${PUBLIC_URL}/verify/${code}`);
    const page = await fetch(`${server.url}${new URL(url!).pathname}`);
    expect(page.status).toBe(200);
    expect(page.headers.get('content-type')).toContain('text/html');
    const html = await page.text();
    expect(html).toContain('核验通过：积分通知书真实有效');
    expect(html).toContain('持证**'); // the name masked (持证人N)
    expect(html).not.toMatch(/\d{17}[\dX]/);
    // Typed from paper in groups, lower case: the same notice.
    const typed = await fetch(`${server.url}/verify/${code.slice(0, 4).toLowerCase()}-${code.slice(4)}`);
    expect(await typed.text()).toContain('真实有效');
    const unknown = await fetch(`${server.url}/verify/ZZZZZZZZZZZZZZZZ`);
    expect(unknown.status).toBe(200);
    expect(await unknown.text()).toContain('核验码不存在');
    // A new determination supersedes the printed one.
    await insertDetermination(getDb(), {
      caseId,
      reason: 'correction',
      rulesVersion: 'v2023',
      acceptanceDate: '2025-09-24',
      total: 100,
      result: {},
      explanation: { items: [], standard: 120 },
      decidedBy: 'test',
      decidedAt: '2025-11-06T02:00:00.000Z',
    });
    const superseded = await (await fetch(`${server.url}/verify/${code}`)).text();
    expect(superseded).toContain('该通知书已被新的核定取代');
  });

  it('the checklist PDF is public', async () => {
    const profile = readFileSync(new URL('../../examples/profile.json', import.meta.url), 'utf8');
    const r = await fetch(`${server.url}/api/v1/checklist.pdf`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: profile,
    });
    expect(r.status).toBe(200);
    expect(flat(pdfText(Buffer.from(await r.arrayBuffer())))).toContain('居住证积分申请材料清单');
    const bad = await new Browser(server.url).req('POST', '/api/v1/checklist.pdf', { asOf: 'x' });
    expect(bad.status).toBe(400);
  });
});
