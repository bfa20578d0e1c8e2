/* eslint-disable @typescript-eslint/no-explicit-any -- response bodies are checked by value, not by type */
import { testPolicy } from '../policy/testing/testPolicy.js';
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { score } from '../engine/score.js';
import { plan } from '../planner/index.js';
import { validateProfile } from '../profile/validateProfile.js';
import { REPO } from '../../test/cliRunner.js';
import { startTestServer, type TestServer } from './testing/startTestServer.js';

const golden = JSON.parse(readFileSync(`${REPO}docs/spec/cases/p12.json`, 'utf8')) as {
  profile: unknown;
  expected: { total: number };
};

describe('public API over real HTTP', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer();
  });
  afterAll(() => server.close());
  const post = (path: string, body: string, headers: Record<string, string> = {}) =>
    fetch(server.url + path, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...headers },
      body,
    });

  it('POST /api/v1/score returns exactly the result contract of the engine', async () => {
    const res = await post('/api/v1/score', JSON.stringify(golden.profile));
    expect(res.status).toBe(200);
    expect(res.headers.get('x-request-id')).toBeTruthy();
    const body = (await res.json()) as any;
    expect(body).toEqual(
      JSON.parse(JSON.stringify(score(validateProfile(golden.profile), {}, testPolicy.rules))),
    );
    expect(body.total).toBe(golden.expected.total);
  });

  it('POST /api/v1/plan returns the plan contract of the planner', async () => {
    const body = (await (
      await post('/api/v1/plan?horizon=24', JSON.stringify(golden.profile))
    ).json()) as any;
    expect(body).toEqual(
      JSON.parse(JSON.stringify(plan(validateProfile(golden.profile), { horizonMonths: 24 }, testPolicy))),
    );
    expect(body.baseline.timeline).toHaveLength(25);
    expect((await post('/api/v1/plan?horizon=0', JSON.stringify(golden.profile))).status).toBe(400);
  });

  it('POST /api/v1/plan?assume=key=value overrides assumptions like the CLI --assume', async () => {
    // p07 plans a title and a higher base: both assumptions change its options.
    const p07 = (JSON.parse(readFileSync(`${REPO}docs/spec/cases/p07.json`, 'utf8')) as { profile: unknown })
      .profile;
    const over = { title: { intermediate: { months: 3 } }, raiseBase: { startAfterMonths: 2 } };
    const res = await post(
      '/api/v1/plan?horizon=24&assume=title.intermediate.months=3&assume=raiseBase.startAfterMonths=2',
      JSON.stringify(p07),
    );
    expect(res.status).toBe(200);
    const expected = plan(validateProfile(p07), { horizonMonths: 24, assumptions: over }, testPolicy);
    expect(await res.json()).toEqual(JSON.parse(JSON.stringify(expected)));
    expect(expected).not.toEqual(plan(validateProfile(p07), { horizonMonths: 24 }, testPolicy));
    const bad = await post('/api/v1/plan?assume=title.intermediate.months', JSON.stringify(golden.profile));
    expect(bad.status).toBe(400);
    expect(((await bad.json()) as any).errors[0].path).toBe('$query.assume');
    const outOfRange = await post(
      '/api/v1/plan?assume=title.intermediate.months=-1',
      JSON.stringify(golden.profile),
    );
    expect(outOfRange.status).toBe(400);
  });

  it('?explain=false gives the lean result', async () => {
    const body = (await (
      await post('/api/v1/score?explain=false', JSON.stringify(golden.profile))
    ).json()) as any;
    expect(body.items[0]).toEqual({ id: 'age', group: 'basic', points: 30 });
  });

  it('bad input is a 4xx problem+json naming the fields; no stack traces', async () => {
    const res = await post(
      '/api/v1/score',
      JSON.stringify({ asOf: '2025-13-01', birthDate: '1990-01-01', x: 1 }),
    );
    expect(res.status).toBe(400);
    expect(res.headers.get('content-type')).toContain('application/problem+json');
    const p = (await res.json()) as any;
    expect(p).toMatchObject({ status: 400, code: 'validation_failed' });
    expect(p.errors.map((e: { path: string }) => e.path)).toEqual(expect.arrayContaining(['$.asOf', '$.x']));
    expect(JSON.stringify(p)).not.toMatch(/at .*\.ts:\d+/);
    expect((await post('/api/v1/score', '{"asOf":')).status).toBe(400);
    expect(
      (await post('/api/v1/score', JSON.stringify({ ...(golden.profile as object), asOf: '2012-01-01' })))
        .status,
    ).toBe(422);
    expect((await post('/api/v1/score', 'x'.repeat(300 * 1024))).status).toBe(413);
    expect(
      (
        await fetch(`${server.url}/api/v1/score`, {
          method: 'POST',
          headers: { 'content-type': 'text/plain' },
          body: 'hi',
        })
      ).status,
    ).toBe(415);
    expect((await fetch(`${server.url}/nope`)).status).toBe(404);
  });

  it('echoes a well-formed request id and replaces a malformed one', async () => {
    const ok = await post('/api/v1/score?explain=false', JSON.stringify(golden.profile), {
      'x-request-id': 'trace-123',
    });
    expect(ok.headers.get('x-request-id')).toBe('trace-123');
    const bad = await post('/api/v1/score?explain=false', JSON.stringify(golden.profile), {
      'x-request-id': 'a b\tc',
    });
    expect(bad.headers.get('x-request-id')).not.toBe('a b\tc');
  });

  it('serves the rules explorer, working days, pre-check and checklist', async () => {
    const rules = (await (await fetch(`${server.url}/api/v1/rules?at=2016-01-01`)).json()) as any;
    expect(rules.version.id).toBe('v2015');
    const wd = (await (await fetch(`${server.url}/api/v1/workdays/add?date=2025-09-28&n=20`)).json()) as any;
    expect(wd.result).toBe('2025-10-31');
    expect((await fetch(`${server.url}/api/v1/workdays/add?date=2027-01-04&n=2`)).status).toBe(422);
    const pre = (await (await post('/api/v1/precheck', JSON.stringify(golden.profile))).json()) as any;
    expect(pre.conditions.length).toBeGreaterThan(5);
    const list = (await (await post('/api/v1/checklist', JSON.stringify(golden.profile))).json()) as any;
    expect(list.items.length).toBeGreaterThan(3);
  });

  it('publishes OpenAPI 3 and serves the docs locally, with security headers', async () => {
    const doc = (await (await fetch(`${server.url}/api/openapi.json`)).json()) as any;
    expect(doc.openapi).toMatch(/^3\./);
    expect(Object.keys(doc.paths)).toEqual(expect.arrayContaining(['/api/v1/score', '/api/v1/rules']));
    const ui = await fetch(`${server.url}/api/docs/`);
    expect(ui.status).toBe(200);
    expect(await ui.text()).not.toMatch(/https?:\/\/(cdn|unpkg)/);
    const h = (await fetch(`${server.url}/healthz`)).headers;
    expect(h.get('x-content-type-options')).toBe('nosniff');
    expect(h.get('content-security-policy')).toContain("default-src 'self'");
  });
});
