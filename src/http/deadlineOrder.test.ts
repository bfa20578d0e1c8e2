import { afterAll, beforeAll, expect, it } from 'vitest';
import { DEMO_PASSWORD } from '../demo/seedDemo.js';
import { describeOnBothEngines } from '../storage/testing/bothEngines.js';
import type { CaseState } from '../storage/schema.js';
import { startDemoServer } from './testing/startDemoServer.js';
import { Browser, type TestServer } from './testing/startTestServer.js';

interface Row {
  caseId: string;
  due: { date: string; workdaysLeft: number } | null;
  cursor?: string;
}

const MH = encodeURIComponent('闵行');
/** Working days left, no deadline as +∞: what "most urgent first" means on screen. */
const left = (r: Row) => r.due?.workdaysLeft ?? Number.POSITIVE_INFINITY;
const ascending = (rows: Row[]) => rows.every((r, i) => i === 0 || left(rows[i - 1]!) <= left(r));

/**
 * Issue 15: "every queue shows the deadline … sortable". The sort runs on the server, so the
 * second page of a deadline-ordered list continues the first (a sort in the browser would only
 * reorder the page it has).
 */
describeOnBothEngines('lists sorted by deadline over real HTTP', (getDb) => {
  let server: TestServer;
  let approver: Browser;
  let city: Browser;
  let hr: Browser;
  // The 闵行 state with the most cases that have a deadline (the demo spreads them over states).
  let state: CaseState;
  let dated: number;
  beforeAll(async () => {
    const db = getDb();
    server = await startDemoServer(db);
    approver = new Browser(server.url);
    city = new Browser(server.url);
    hr = new Browser(server.url);
    expect((await approver.login('approver.mh', DEMO_PASSWORD)).status).toBe(200);
    expect((await city.login('city', DEMO_PASSWORD)).status).toBe(200);
    const counts = await db
      .selectFrom('cases')
      .select(['state', (eb) => eb.fn.countAll<number>().as('n')])
      .where('district', '=', '闵行')
      .where('submittedAt', 'is not', null)
      .where('dueDate', 'is not', null)
      .groupBy('state')
      .execute();
    const best = counts.sort((a, b) => Number(b.n) - Number(a.n))[0]!;
    state = best.state;
    dated = Number(best.n);
  }, 180_000);
  afterAll(() => server?.close());

  const queue = async (query: Record<string, string>) => {
    const r = await approver.req(
      'GET',
      `/api/v1/districts/${MH}/queue?${new URLSearchParams({ state, ...query })}`,
    );
    expect(r.status).toBe(200);
    return r.json as unknown as Row[];
  };

  it('the district queue: page 2 by deadline continues page 1 through its cursor', async () => {
    expect(dated).toBeGreaterThanOrEqual(4);
    const size = Math.floor(dated / 2);
    const whole = await queue({ orderBy: 'deadline', limit: String(2 * size) });
    const first = await queue({ orderBy: 'deadline', limit: String(size) });
    const second = await queue({ orderBy: 'deadline', limit: String(size), after: first[size - 1]!.cursor! });
    expect([...first, ...second].map((r) => r.caseId)).toEqual(whole.map((r) => r.caseId));
    expect(new Set(whole.map((r) => r.caseId)).size).toBe(2 * size);
    expect(ascending(whole)).toBe(true);
    // Not the default order by chance: the oldest-first queue is another order of the same cases.
    const oldest = await queue({ limit: '200' });
    const byDeadline = await queue({ orderBy: 'deadline', limit: '200' });
    expect(new Set(byDeadline.map((r) => r.caseId))).toEqual(new Set(oldest.map((r) => r.caseId)));
    expect(ascending(byDeadline)).toBe(true);
    expect(byDeadline.at(-1)!.due === null || byDeadline.every((r) => r.due !== null)).toBe(true);
  });

  it('the city list: page 2 by deadline continues page 1', async () => {
    const page = async (limit: number, offset: number) => {
      const r = await city.req('GET', `/api/v1/city/cases?orderBy=deadline&limit=${limit}&offset=${offset}`);
      expect(r.status).toBe(200);
      return r.json as unknown as { total: number; items: Row[] };
    };
    const whole = await page(40, 0);
    const [first, second] = [await page(20, 0), await page(20, 20)];
    expect([...first.items, ...second.items].map((r) => r.caseId)).toEqual(whole.items.map((r) => r.caseId));
    expect(ascending(whole.items)).toBe(true);
    // The most urgent case of the whole city comes first, whatever page it was created on.
    const earliest = await getDb()
      .selectFrom('cases')
      .select((eb) => eb.fn.min('dueDate').as('d'))
      .where('snapshot', 'is not', null)
      .executeTakeFirstOrThrow();
    expect(whole.items[0]!.due?.date).toBe(earliest.d);
  });

  it("HR's case list by deadline: the most urgent first, then those without a deadline", async () => {
    // The demo unit with the most dated cases; its HR signs in as hr.<district code><n> (seedDemo).
    const unit = await getDb()
      .selectFrom('cases')
      .select(['unitId', (eb) => eb.fn.countAll<number>().as('n')])
      .where('dueDate', 'is not', null)
      .where('unitId', 'like', 'demo-%-_')
      .groupBy('unitId')
      .orderBy('n', 'desc')
      .executeTakeFirstOrThrow();
    const [, code, k] = unit.unitId.split('-');
    expect((await hr.login(`hr.${code}${k}`, DEMO_PASSWORD)).status).toBe(200);
    const r = await hr.req('GET', `/api/v1/units/${unit.unitId}/cases?orderBy=deadline`);
    expect(r.status).toBe(200);
    const rows = r.json as unknown as Row[];
    expect(rows.some((x) => x.due !== null)).toBe(true);
    expect(ascending(rows)).toBe(true);
    const bad = await hr.req('GET', `/api/v1/units/${unit.unitId}/cases?orderBy=oldest`);
    expect(bad.status).toBe(400);
  });
});
