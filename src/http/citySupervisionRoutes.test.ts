import { afterAll, beforeAll, expect, it } from 'vitest';
import { DEMO_PASSWORD, DEMO_TODAY, seedDemo } from '../demo/seedDemo.js';
import { testPolicy } from '../policy/testing/testPolicy.js';
import { describeOnBothEngines } from '../storage/testing/bothEngines.js';
import { Browser, startTestServer, type TestServer } from './testing/startTestServer.js';

type Page = { total: number; items: { caseId: string; district: string; state: string }[] };
const enc = encodeURIComponent;

/** Issue 15: the city supervisor acts — penalties on their own, drill-down filters, workload, assignment. */
describeOnBothEngines('city supervision over real HTTP', (getDb) => {
  let server: TestServer;
  let city: Browser;
  beforeAll(async () => {
    await seedDemo(getDb(), testPolicy);
    server = await startTestServer({
      db: getDb(),
      clock: () => `${DEMO_TODAY}T02:00:00.000Z`,
      loginPerMinute: 10_000,
    });
    city = new Browser(server.url);
    expect((await city.login('city', DEMO_PASSWORD)).status).toBe(200);
  }, 120_000);
  afterAll(() => server?.close());

  it('records a penalty against a person and a unit, with its legal basis, listed and audited; others are refused', async () => {
    const body = {
      party: 'individual',
      holderId: 'demo-h150',
      serious: true,
      reason: '提供伪造的学历证书',
      legalBasis: '细则 第十四条',
      decidedOn: '2025-12-01',
    };
    const r = await city.req('POST', '/api/v1/city/penalties', body, { 'idempotency-key': 'penalty-h150-1' });
    expect(r.status).toBe(201);
    expect(r.json.kinds).toEqual(['false_material', 'credit_record', 'bar']);
    const again = await city.req('POST', '/api/v1/city/penalties', body, {
      'idempotency-key': 'penalty-h150-1',
    });
    expect(again.status).toBe(200);
    expect(again.json).toMatchObject({ replayed: true, penaltyIds: r.json.penaltyIds });

    const unit = await city.req(
      'POST',
      '/api/v1/city/penalties',
      {
        party: 'unit',
        unitId: 'demo-pd-2',
        serious: false,
        reason: '为员工出具虚假在职证明',
        legalBasis: '细则 第十四条',
        fineCny: 30000,
        decidedOn: '2025-12-10',
      },
      { 'idempotency-key': 'penalty-pd2-1' },
    );
    expect(unit.status).toBe(201);
    expect(unit.json.kinds).toEqual(['fine', 'credit_record']);

    const list = await city.req('GET', '/api/v1/city/penalties?limit=50');
    const rows = list.json.items as {
      holderId: string | null;
      unitId: string | null;
      legalBasis: string;
      kind: string;
    }[];
    expect(
      rows
        .filter((p) => p.holderId === 'demo-h150')
        .map((p) => p.kind)
        .sort(),
    ).toEqual(['bar', 'credit_record', 'false_material']);
    expect(rows.find((p) => p.unitId === 'demo-pd-2' && p.kind === 'fine')?.legalBasis).toBe('细则 第十四条');
    // How long the record counts and the bar runs: the rules data in force on the decision date.
    const rules = (await city.req('GET', '/api/v1/rules?at=2025-12-01')).json.parameters as {
      key: string;
      value: Record<string, number>;
    }[];
    const years = (key: string, field: string) => rules.find((p) => p.key === key)!.value[field]!;
    const plus = (n: number) => `${2025 + n}-12-01`;
    const h150 = rows.filter((p) => p.holderId === 'demo-h150') as unknown as {
      kind: string;
      effectiveUntil: string | null;
    }[];
    expect(h150.find((p) => p.kind === 'false_material')?.effectiveUntil).toBe(
      plus(years('false_material', 'windowYears')),
    );
    expect(h150.find((p) => p.kind === 'bar')?.effectiveUntil).toBe(
      plus(years('eligibility', 'personalBarYears')),
    );

    const audit = await getDb()
      .selectFrom('auditEvents')
      .select(['command', 'actorRole'])
      .where('command', '=', 'record_penalty')
      .execute();
    expect(audit).toHaveLength(2);
    expect(audit.every((a) => a.actorRole === 'city_supervisor')).toBe(true);

    // Bad input: 400 naming every field; an unknown person: 404 naming the field; nothing written.
    const bad = await city.req(
      'POST',
      '/api/v1/city/penalties',
      { party: 'unit', serious: 'yes', reason: '', legalBasis: '细则', decidedOn: '2025-13-01' },
      { 'idempotency-key': 'penalty-bad-1' },
    );
    expect(bad.status).toBe(400);
    const paths = bad.json.errors!.map((e) => e.path);
    for (const p of ['$.input.serious', '$.input.reason', '$.input.decidedOn']) expect(paths).toContain(p);
    const nobody = await city.req(
      'POST',
      '/api/v1/city/penalties',
      { ...body, holderId: 'nobody' },
      { 'idempotency-key': 'penalty-nobody-1' },
    );
    expect(nobody.status).toBe(404);
    expect(nobody.json.errors!.map((e) => e.path)).toContain('$.input.holderId');
    const count = await getDb()
      .selectFrom('penalties')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow();
    expect(Number(count.n)).toBe(rows.length);

    for (const who of ['approver.mh', 'reviewer.mh', 'clerk.mh', 'hr.mh1', 'holder1']) {
      const b = new Browser(server.url);
      await b.login(who, DEMO_PASSWORD);
      const denied = await b.req('POST', '/api/v1/city/penalties', body, {
        'idempotency-key': `penalty-${who}`,
      });
      expect(denied.status, who).toBe(403);
    }
  });

  it('drill-down filters: state, overdue, district and date range give the cases the dashboard counts', async () => {
    const stats = await city.req('GET', '/api/v1/city/statistics');
    const c = stats.json.city as { determinationOverdue: number; casesByState: Record<string, number> };
    const overdue = (await city.req('GET', '/api/v1/city/cases?overdue=determination&limit=200'))
      .json as Page;
    expect(overdue.total).toBe(c.determinationOverdue);
    expect(overdue.items.every((i) => i.state === 'verified')).toBe(true);
    const submitted = (await city.req('GET', '/api/v1/city/cases?state=submitted&limit=200')).json as Page;
    expect(submitted.total).toBe(c.casesByState.submitted);

    // A date range: the statistics and the list count the same cases (opened from … to …).
    const range = 'from=2025-07-01&to=2025-08-31';
    const ranged = await city.req('GET', `/api/v1/city/statistics?${range}`);
    expect(ranged.status).toBe(200);
    const rc = ranged.json.city as { casesByState: Record<string, number> };
    const rangedTotal = Object.values(rc.casesByState).reduce((a, b) => a + b, 0);
    const all = Object.values(c.casesByState).reduce((a, b) => a + b, 0);
    expect(rangedTotal).toBeGreaterThan(0);
    expect(rangedTotal).toBeLessThan(all);
    const list = (await city.req('GET', `/api/v1/city/cases?${range}&limit=200`)).json as Page;
    expect(list.total).toBe(rangedTotal);
    const created = await getDb()
      .selectFrom('cases')
      .select('createdAt')
      .where(
        'id',
        'in',
        list.items.map((i) => i.caseId),
      )
      .execute();
    for (const r of created) {
      expect(r.createdAt >= '2025-06-30T16:00:00.000Z').toBe(true);
      expect(r.createdAt < '2025-08-31T16:00:00.000Z').toBe(true);
    }
    const district = rangedDistrict(ranged.json);
    const inDistrict = (
      await city.req('GET', `/api/v1/city/cases?${range}&district=${enc(district.name)}&limit=200`)
    ).json as Page;
    expect(inDistrict.total).toBe(district.total);
    expect(inDistrict.items.every((i) => i.district === district.name)).toBe(true);

    const backwards = await city.req('GET', '/api/v1/city/statistics?from=2025-09-01&to=2025-08-01');
    expect(backwards.status).toBe(400);
    const badDate = await city.req('GET', '/api/v1/city/cases?from=2025-02-30');
    expect(badDate.status).toBe(400);
    expect(JSON.stringify(badDate.json)).toContain('from');
  });

  it('assigns a review task to a reviewer of the same district only; the workload counts it', async () => {
    const c = await getDb()
      .selectFrom('cases')
      .innerJoin('reviewTasks', 'reviewTasks.caseId', 'cases.id')
      .select(['cases.id', 'cases.district', 'cases.version', 'reviewTasks.indicator'])
      .where('cases.state', '=', 'under_review')
      .where('reviewTasks.status', '=', 'open')
      .orderBy('cases.id')
      .executeTakeFirstOrThrow();
    const code = (
      await getDb()
        .selectFrom('users')
        .select('username')
        .where('role', '=', 'district_reviewer')
        .where('district', '=', c.district)
        .executeTakeFirstOrThrow()
    ).username.split('.')[1]!;
    const other = await getDb()
      .selectFrom('users')
      .select('id')
      .where('role', '=', 'district_reviewer')
      .where('district', '!=', c.district)
      .executeTakeFirstOrThrow();
    const url = `/api/v1/cases/${c.id}/tasks/${c.indicator}/assignee`;

    const before = await city.req('GET', `/api/v1/city/workload?district=${enc(c.district)}`);
    const officer = (w: Record<string, unknown>) =>
      (w.districts as { officers: { id: string; openTasks: number }[] }[])[0]!.officers.find(
        (o) => o.id === `u-reviewer.${code}`,
      )!;
    const tasksBefore = officer(before.json).openTasks;

    const foreign = await city.req(
      'PUT',
      url,
      { assigneeId: other.id },
      { 'idempotency-key': `assign-x-${c.id}` },
    );
    expect(foreign.status).toBe(400);
    expect(foreign.json.errors!.map((e) => e.path)).toContain('$.input.assigneeId');

    const ok = await city.req(
      'PUT',
      url,
      { assigneeId: `u-reviewer.${code}` },
      { 'idempotency-key': `assign-${c.id}`, 'if-match': String(c.version) },
    );
    expect(ok.status).toBe(200);
    const row = await getDb()
      .selectFrom('reviewTasks')
      .select('assignedTo')
      .where('caseId', '=', c.id)
      .where('indicator', '=', c.indicator)
      .executeTakeFirstOrThrow();
    expect(row.assignedTo).toBe(`u-reviewer.${code}`);
    const after = await city.req('GET', `/api/v1/city/workload?district=${enc(c.district)}`);
    expect(officer(after.json).openTasks).toBe(tasksBefore + 1);
    const audit = await getDb()
      .selectFrom('auditEvents')
      .select('command')
      .where('caseId', '=', c.id)
      .where('command', '=', 'assign_task')
      .execute();
    expect(audit).toHaveLength(1);

    // A district officer of another district is refused the case; an HR officer has no such route.
    const foreignOfficer = new Browser(server.url);
    await foreignOfficer.login(c.district === '浦东新区' ? 'approver.mh' : 'approver.pd', DEMO_PASSWORD);
    const denied = await foreignOfficer.req(
      'PUT',
      url,
      { assigneeId: `u-reviewer.${code}` },
      {
        'idempotency-key': `assign-foreign-${c.id}`,
      },
    );
    expect(denied.status).toBe(403);
    const hr = new Browser(server.url);
    await hr.login('hr.mh1', DEMO_PASSWORD);
    expect((await hr.req('GET', '/api/v1/city/workload')).status).toBe(403);
  });
});

function rangedDistrict(stats: Record<string, unknown>): { name: string; total: number } {
  const d = (stats.districts as { district: string; casesByState: Record<string, number> }[]).find((x) =>
    Object.values(x.casesByState).some((n) => n > 0),
  )!;
  return { name: d.district, total: Object.values(d.casesByState).reduce((a, b) => a + b, 0) };
}
