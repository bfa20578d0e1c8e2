import { afterAll, beforeAll, expect, it } from 'vitest';
import { DEMO_PASSWORD } from '../demo/seedDemo.js';
import { describeOnBothEngines } from '../storage/testing/bothEngines.js';
import { COMMAND_LABELS, ROLE_LABELS, STATE_LABELS } from '../workflow/index.js';
import { startDemoServer } from './testing/startDemoServer.js';
import { Browser, type TestServer } from './testing/startTestServer.js';

interface Hit {
  caseId: string;
  applicationNo: string;
  district: string;
  holderName: string;
  holderIdNumberMasked: string;
  unitName: string;
  stateLabel: string;
}
interface Page {
  kind: string;
  kindLabel: string;
  total: number;
  items: Hit[];
}

const MH = encodeURIComponent('闵行');

/** Issue 15: officers and HR find any case of their room by what the person at the counter has. */
describeOnBothEngines('case search over real HTTP', (getDb) => {
  let server: TestServer;
  let clerk: Browser;
  // One 闵行 case waiting at the counter, with its holder's identifiers, read from the registry tables.
  let target: {
    caseId: string;
    applicationNo: string;
    name: string;
    idNumber: string;
    phone: string;
    creditCode: string;
    unitId: string;
    unitName: string;
  };
  beforeAll(async () => {
    const db = getDb();
    server = await startDemoServer(db);
    clerk = new Browser(server.url);
    expect((await clerk.login('clerk.mh', DEMO_PASSWORD)).status).toBe(200);
    const row = await db
      .selectFrom('cases')
      .innerJoin('holders', 'holders.id', 'cases.holderId')
      .innerJoin('units', 'units.id', 'cases.unitId')
      .select([
        'cases.id',
        'cases.applicationNo',
        'holders.name',
        'holders.idNumber',
        'holders.phone',
        'units.creditCode',
        'units.id as unitId',
        'units.name as unitName',
      ])
      .where('cases.district', '=', '闵行')
      .where('cases.state', '=', 'submitted')
      .orderBy('cases.id')
      .executeTakeFirstOrThrow();
    target = {
      caseId: row.id,
      applicationNo: row.applicationNo!,
      name: row.name,
      idNumber: row.idNumber,
      phone: row.phone!,
      creditCode: row.creditCode,
      unitId: row.unitId,
      unitName: row.unitName,
    };
  }, 180_000);
  afterAll(() => server?.close());

  const search = async (b: Browser, url: string, q: string, page: object = {}) => {
    const r = await b.req('POST', url, { q, ...page });
    return { status: r.status, page: r.json as unknown as Page, text: r.text };
  };

  it('every demo case has its own number, and the queue lists it with the holder name', async () => {
    const numbers = await getDb().selectFrom('cases').select('applicationNo').execute();
    expect(numbers.every((n) => /^(MH|PD|XH|JA)2025-\d{6}$/.test(n.applicationNo ?? ''))).toBe(true);
    expect(new Set(numbers.map((n) => n.applicationNo)).size).toBe(numbers.length);
    const queue = await clerk.req('GET', `/api/v1/districts/${MH}/queue`);
    const rows = queue.json as unknown as { caseId: string; applicationNo: string; holderName: string }[];
    const mine = rows.find((r) => r.caseId === target.caseId)!;
    expect(mine).toMatchObject({ applicationNo: target.applicationNo, holderName: target.name });
    const view = await clerk.req('GET', `/api/v1/cases/${target.caseId}`);
    expect(view.json.applicationNo).toBe(target.applicationNo);
  });

  it('a clerk finds the case by its printed number, ID number, phone, name and unit; results are masked', async () => {
    const url = `/api/v1/districts/${MH}/case-search`;
    const typed = target.applicationNo.toLowerCase().replace('-', ' ');
    const byNo = await search(clerk, url, typed);
    expect(byNo.status).toBe(200);
    expect(byNo.page).toMatchObject({ kind: 'application_no', kindLabel: '申请编号', total: 1 });
    expect(byNo.page.items[0]).toMatchObject({
      caseId: target.caseId,
      holderName: target.name,
      stateLabel: '等待受理',
    });

    const byId = await search(clerk, url, target.idNumber);
    expect(byId.page.kind).toBe('id_number');
    expect(byId.page.items.map((i) => i.caseId)).toContain(target.caseId);
    expect(byId.text).not.toContain(target.idNumber);
    expect(byId.page.items[0]!.holderIdNumberMasked).toMatch(/^\d{4}\*{8}[\dX]{4}$/);

    const byPhone = await search(clerk, url, target.phone);
    expect(byPhone.page.kind).toBe('phone');
    expect(byPhone.page.items.map((i) => i.caseId)).toContain(target.caseId);
    expect(byPhone.text).not.toContain(target.phone);

    const byName = await search(clerk, url, target.name);
    expect(byName.page.kind).toBe('name');
    expect(byName.page.items.map((i) => i.caseId)).toContain(target.caseId);
    // A prefix of two characters or more lists every holder whose name starts with it.
    const byPrefix = await search(clerk, url, target.name.slice(0, 5));
    expect(byPrefix.page.total).toBeGreaterThanOrEqual(byName.page.total);
    expect(
      byPrefix.page.items.every(
        (i) =>
          i.holderName.startsWith(target.name.slice(0, 5)) || i.unitName.startsWith(target.name.slice(0, 5)),
      ),
    ).toBe(true);

    const byCode = await search(clerk, url, target.creditCode);
    expect(byCode.page.kind).toBe('credit_code');
    const byUnit = await search(clerk, url, target.unitName.slice(0, -1));
    expect(byUnit.page.kind).toBe('name');
    expect(byUnit.page.total).toBe(byCode.page.total);
    expect(byUnit.page.items.every((i) => i.unitName === target.unitName && i.district === '闵行')).toBe(
      true,
    );
    // Pages: the total is the whole count; two pages never repeat a case.
    const first = await search(clerk, url, '闵行示范', { limit: 5 });
    const second = await search(clerk, url, '闵行示范', { limit: 5, offset: 5 });
    expect(first.page.total).toBeGreaterThan(10);
    const ids = [...first.page.items, ...second.page.items].map((i) => i.caseId);
    expect(new Set(ids).size).toBe(10);
    expect(second.page.total).toBe(first.page.total);
    // A page past the end is empty and still says how many there are.
    const past = await search(clerk, url, '闵行示范', { limit: 5, offset: first.page.total + 5 });
    expect(past.page).toMatchObject({ total: first.page.total, items: [] });
    // Nothing the person typed reaches the logs.
    expect(server.logs()).not.toContain(target.idNumber);
    expect(server.logs()).not.toContain(target.phone);
  });

  it('within the room only: another district, another unit, the city', async () => {
    const pd = new Browser(server.url);
    await pd.login('clerk.pd', DEMO_PASSWORD);
    const own = await search(
      pd,
      `/api/v1/districts/${encodeURIComponent('浦东新区')}/case-search`,
      target.idNumber,
    );
    expect(own.page.total).toBe(0);
    const foreign = await search(pd, `/api/v1/districts/${MH}/case-search`, target.applicationNo);
    expect(foreign.status).toBe(403);

    const hr = new Browser(server.url);
    await hr.login(target.unitId.replace('demo-mh-', 'hr.mh'), DEMO_PASSWORD);
    const mine = await search(hr, `/api/v1/units/${target.unitId}/case-search`, target.applicationNo);
    expect(mine.page.items.map((i) => i.caseId)).toEqual([target.caseId]);
    const other = target.unitId === 'demo-mh-1' ? 'demo-mh-2' : 'demo-mh-1';
    expect((await search(hr, `/api/v1/units/${other}/case-search`, target.applicationNo)).status).toBe(403);

    const city = new Browser(server.url);
    await city.login('city', DEMO_PASSWORD);
    const byNo = await search(city, '/api/v1/city/case-search', target.applicationNo);
    expect(byNo.page.items.map((i) => i.caseId)).toEqual([target.caseId]);
    const pdCases = await getDb()
      .selectFrom('cases')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('district', '=', '浦东新区')
      .where('unitId', 'like', 'demo-pd-%')
      .executeTakeFirstOrThrow();
    const pdUnits = await search(city, '/api/v1/city/case-search', '浦东新区示范');
    expect(pdUnits.page.total).toBe(Number(pdCases.n));
    expect(pdUnits.page.total).toBeGreaterThan(0);

    const empty = await clerk.req('POST', `/api/v1/districts/${MH}/case-search`, { q: '  ' });
    expect(empty.status).toBe(400);
    expect(empty.json.errors!.map((e) => e.path)).toContain('$.q');
  });

  it('everyone who may see the case reads its history in Chinese; others are refused', async () => {
    const det = await getDb()
      .selectFrom('cases')
      .select(['id', 'holderId', 'unitId'])
      .where('state', '=', 'determined')
      .where('district', '=', '闵行')
      .orderBy('id')
      .executeTakeFirstOrThrow();
    const approver = new Browser(server.url);
    await approver.login('approver.mh', DEMO_PASSWORD);
    const r = await approver.req('GET', `/api/v1/cases/${det.id}/history`);
    expect(r.status).toBe(200);
    const events = r.json.events as { what: string; roleLabel: string; who: string; change: string | null }[];
    const whats = events.map((e) => e.what);
    expect(whats[0]).toBe(COMMAND_LABELS.create_draft);
    expect(whats).toContain(COMMAND_LABELS.accept);
    expect(whats).toContain(COMMAND_LABELS.determine);
    const determined = events.find((e) => e.what === COMMAND_LABELS.determine)!;
    expect(determined).toMatchObject({ roleLabel: ROLE_LABELS.district_approver, who: '闵行核定' });
    expect(determined.change).toContain(STATE_LABELS.determined);
    // Nothing in the timeline is a program identifier.
    for (const e of events) expect(`${e.what}${e.roleLabel}${e.change ?? ''}`).not.toMatch(/[a-z_]{4,}/);

    const hr = new Browser(server.url);
    await hr.login(det.unitId.replace('demo-mh-', 'hr.mh'), DEMO_PASSWORD);
    expect((await hr.req('GET', `/api/v1/cases/${det.id}/history`)).status).toBe(200);
    const pd = new Browser(server.url);
    await pd.login('clerk.pd', DEMO_PASSWORD);
    expect((await pd.req('GET', `/api/v1/cases/${det.id}/history`)).status).toBe(403);
  });
});
