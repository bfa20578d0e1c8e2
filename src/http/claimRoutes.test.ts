import { afterAll, beforeAll, expect, it } from 'vitest';
import { DEMO_PASSWORD, DEMO_TODAY, seedDemo } from '../demo/seedDemo.js';
import { testPolicy } from '../policy/testing/testPolicy.js';
import { describeOnBothEngines } from '../storage/testing/bothEngines.js';
import { Browser, startTestServer, type TestServer } from './testing/startTestServer.js';

/** `demo-mh-1` → `hr.mh1`: the demo unit's HR login. */
const hrOf = (unitId: string): string => {
  const [, code, k] = unitId.split('-');
  return `hr.${code}${k}`;
};

const award = {
  indicator: 'award',
  detail: {
    awards: [
      {
        level: 'national',
        date: '2024-05-01',
        obtainedWhileWorkingInShanghai: true,
        onCatalog: true,
        filed: true,
      },
    ],
  },
};

/** Issue 15: HR edits the claims of a case until it is submitted (PUT /api/v1/cases/:id/claims). */
describeOnBothEngines('claims edit over real HTTP', (getDb) => {
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

  const caseIn = async (state: string) =>
    getDb()
      .selectFrom('cases')
      .select(['id', 'unitId', 'version'])
      .where('state', '=', state as never)
      .where('unitId', 'like', 'demo-%-_')
      .where('unitId', 'not like', 'demo-%-barred')
      .orderBy('id')
      .executeTakeFirstOrThrow();

  it('on a draft: every indicator can be claimed, the pre-check follows, the edit is versioned and audited', async () => {
    const c = await caseIn('draft');
    const hr = new Browser(server.url);
    expect((await hr.login(hrOf(c.unitId), DEMO_PASSWORD)).status).toBe(200);
    const before = await hr.req('GET', `/api/v1/cases/${c.id}/workspace`);
    const totalBefore = (before.json.precheck as { simulatedTotal: number }).simulatedTotal;

    const url = `/api/v1/cases/${c.id}/claims`;
    const claims = [{ indicator: 'education' }, award];
    const put = await hr.req(
      'PUT',
      url,
      { claims },
      { 'idempotency-key': `claims-${c.id}-1`, 'if-match': String(c.version) },
    );
    expect(put.status).toBe(200);
    expect(put.json).toMatchObject({ state: 'draft', version: c.version + 1, replayed: false });

    const after = await hr.req('GET', `/api/v1/cases/${c.id}/workspace`);
    expect((after.json.claims as { indicator: string }[]).map((x) => x.indicator).sort()).toEqual([
      'award',
      'education',
    ]);
    const totalAfter = (after.json.precheck as { simulatedTotal: number }).simulatedTotal;
    // The national award's points, from the rules data in force.
    const rules = await hr.req('GET', `/api/v1/rules?at=${DEMO_TODAY}`);
    const awardPoints = (rules.json.parameters as { key: string; value: Record<string, number> }[]).find(
      (p) => p.key === 'award',
    )!.value.national!;
    expect(totalAfter - totalBefore).toBe(awardPoints);

    // The same If-Match again: the case changed meanwhile.
    const stale = await hr.req(
      'PUT',
      url,
      { claims: [{ indicator: 'education' }] },
      { 'idempotency-key': `claims-${c.id}-2`, 'if-match': String(c.version) },
    );
    expect(stale.status).toBe(409);
    expect(stale.json.title).toMatch(/已被他人更新/);

    // Every indicator of the profile contract, each with its detail.
    const all = [
      { indicator: 'education' },
      {
        indicator: 'qualification',
        detail: { qualifications: [{ type: 'title', level: 'intermediate', matchesPost: true }] },
      },
      { indicator: 'spouse_hukou' },
      { indicator: 'shortage_major', detail: { onCatalog: true, matchesPost: true } },
      { indicator: 'startup_talent' },
      { indicator: 'tech_transfer_talent' },
      {
        indicator: 'investment',
        detail: {
          invested: true,
          share: 0.5,
          annualTax: [200000, 300000, 400000],
          hukouEmployees: [10, 12, 15],
        },
      },
      { indicator: 'public_service', detail: { periods: [{ from: '2020-01', to: '2022-12' }] } },
      { indicator: 'key_area', detail: { periods: [{ area: 'lingang', from: '2021-01', to: null }] } },
      { indicator: 'fresh_graduate' },
      award,
    ];
    const full = await hr.req(
      'PUT',
      url,
      { claims: all },
      { 'idempotency-key': `claims-${c.id}-3`, 'if-match': String(c.version + 1) },
    );
    expect(full.status).toBe(200);
    const stored = await hr.req('GET', `/api/v1/cases/${c.id}/workspace`);
    expect((stored.json.claims as unknown[]).length).toBe(all.length);

    const audit = await getDb()
      .selectFrom('auditEvents')
      .select(['command', 'actorRole'])
      .where('caseId', '=', c.id)
      .where('command', '=', 'update_claims')
      .execute();
    expect(audit).toHaveLength(2);
    expect(audit[0]!.actorRole).toBe('employer_hr');
    const history = await hr.req('GET', `/api/v1/cases/${c.id}/history`);
    expect(JSON.stringify(history.json)).toContain('修改申报指标');
  });

  it('bad input is refused with 400 naming the field, and nothing is written', async () => {
    const c = await caseIn('draft');
    const hr = new Browser(server.url);
    await hr.login(hrOf(c.unitId), DEMO_PASSWORD);
    const fresh = await getDb()
      .selectFrom('cases')
      .select('version')
      .where('id', '=', c.id)
      .executeTakeFirstOrThrow();
    const bad = await hr.req(
      'PUT',
      `/api/v1/cases/${c.id}/claims`,
      { claims: [{ indicator: 'award', detail: { awards: [{ level: 'nobel', date: '2024-02-30' }] } }] },
      { 'idempotency-key': `claims-bad-${c.id}`, 'if-match': String(fresh.version) },
    );
    expect(bad.status).toBe(400);
    const paths = bad.json.errors!.map((e) => e.path);
    expect(paths).toContain('$.input.claims[0].detail.awards[0].level');
    expect(paths).toContain('$.input.claims[0].detail.awards[0].date');
    const unknown = await hr.req(
      'PUT',
      `/api/v1/cases/${c.id}/claims`,
      { claims: [{ indicator: 'lottery' }] },
      { 'idempotency-key': `claims-bad2-${c.id}`, 'if-match': String(fresh.version) },
    );
    expect(unknown.status).toBe(400);
    expect(unknown.json.errors!.map((e) => e.path)).toContain('$.input.claims[0].indicator');
    // The claims are replaced as a whole: the version read is required.
    const blind = await hr.req(
      'PUT',
      `/api/v1/cases/${c.id}/claims`,
      { claims: [{ indicator: 'education' }] },
      { 'idempotency-key': `claims-blind-${c.id}` },
    );
    expect(blind.status).toBe(400);
    expect(blind.json.errors!.map((e) => e.path)).toContain('$headers.if-match');
    const after = await getDb()
      .selectFrom('cases')
      .select('version')
      .where('id', '=', c.id)
      .executeTakeFirstOrThrow();
    expect(after.version).toBe(fresh.version);
  });

  it('after submission the claims are fixed (409, in Chinese); another unit cannot touch them (403)', async () => {
    const c = await caseIn('submitted');
    const hr = new Browser(server.url);
    await hr.login(hrOf(c.unitId), DEMO_PASSWORD);
    const late = await hr.req(
      'PUT',
      `/api/v1/cases/${c.id}/claims`,
      { claims: [{ indicator: 'education' }, award] },
      { 'idempotency-key': `claims-late-${c.id}`, 'if-match': String(c.version) },
    );
    expect(late.status).toBe(409);
    expect(late.json.title).toMatch(/等待受理.*修改申报指标/);

    const draft = await caseIn('draft');
    const other = new Browser(server.url);
    const otherHr = hrOf(draft.unitId).replace(/\d$/, (k) => (k === '1' ? '2' : '1'));
    expect((await other.login(otherHr, DEMO_PASSWORD)).status).toBe(200);
    const foreign = await other.req(
      'PUT',
      `/api/v1/cases/${draft.id}/claims`,
      { claims: [] },
      { 'idempotency-key': `claims-foreign-${draft.id}`, 'if-match': String(draft.version) },
    );
    expect(foreign.status).toBe(403);
    const clerk = new Browser(server.url);
    await clerk.login('clerk.mh', DEMO_PASSWORD);
    expect(
      (
        await clerk.req(
          'PUT',
          `/api/v1/cases/${draft.id}/claims`,
          { claims: [] },
          { 'idempotency-key': 'claims-clerk-1' },
        )
      ).status,
    ).toBe(403);
  });
});
