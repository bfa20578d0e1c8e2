import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { z } from 'zod';
import { jsonPath } from '../../shared/errors.js';
import type { Role } from '../../storage/index.js';
import { getUnit, insertUnit } from '../../storage/unitRepository.js';
import { sampleCreditCode } from '../../shared/creditCode.js';
import { describeOnBothEngines } from '../../storage/testing/bothEngines.js';
import type { RouteSpec } from '../routeSpec.js';
import { signInEveryRole } from '../testing/signInEveryRole.js';
import { Browser, startTestServer, type TestServer } from '../testing/startTestServer.js';

const PROFILE = JSON.parse(
  readFileSync(new URL('../../../examples/profile.json', import.meta.url), 'utf8'),
) as unknown;
/** NUL (PostgreSQL refuses it: a 500 before), a right-to-left override, a zero-width space. */
const INJECTIONS = { nul: 'a\u0000b', bidi: 'a\u202Eb', zeroWidth: 'a\u200Bb' };

type Def = { type: string; [k: string]: unknown };
const defOf = (s: z.ZodType): Def => (s as unknown as { _zod: { def: Def } })._zod.def;

/**
 * The paths of the string leaves of a zod schema (object keys, array items,
 * optional / nullable / default / pipe unwrapped; a union's first option).
 */
function stringPaths(
  schema: z.ZodType,
  path: Array<string | number> = [],
  depth = 0,
): Array<Array<string | number>> {
  if (depth > 8) return [];
  const def = defOf(schema);
  switch (def.type) {
    case 'string':
    case 'enum':
    case 'literal':
    case 'template_literal':
      return [path];
    case 'object':
      return Object.entries(def.shape as Record<string, z.ZodType>).flatMap(([k, v]) =>
        stringPaths(v, [...path, k], depth + 1),
      );
    case 'array':
      return stringPaths(def.element as z.ZodType, [...path, 0], depth + 1);
    case 'record':
      return [[...path, 'x']];
    case 'optional':
    case 'nullable':
    case 'default':
    case 'prefault':
    case 'readonly':
    case 'catch':
      return stringPaths(def.innerType as z.ZodType, path, depth + 1);
    case 'pipe':
      return stringPaths(def.in as z.ZodType, path, depth + 1);
    case 'union':
      return stringPaths((def.options as z.ZodType[])[0]!, path, depth + 1);
    case 'lazy':
      return stringPaths((def.getter as () => z.ZodType)(), path, depth + 1);
    default:
      return [];
  }
}

/** A value with only `leaf` set at `path`: `{ a: [{ b: leaf }] }` for `['a', 0, 'b']`. */
function valueAt(path: Array<string | number>, leaf: string): unknown {
  return path.reduceRight<unknown>(
    (inner, key) => (typeof key === 'number' ? [inner] : { [key]: inner }),
    leaf,
  );
}

interface Probe {
  route: RouteSpec;
  part: 'params' | 'query' | 'body';
  field: string;
  url: string;
  body?: unknown;
  expectedPath: string;
}

/** Every string field of every route's path parameters, query and typed body, each with each injection. */
function probes(routes: RouteSpec[]): Probe[] {
  const out: Probe[] = [];
  for (const route of routes) {
    const params = [...route.url.matchAll(/:(\w+)/g)].map((m) => m[1]!);
    const plainUrl = route.url.replace(/:(\w+)/g, 'probe');
    const plainBody = route.method === 'GET' ? undefined : {};
    for (const [kind, bad] of Object.entries(INJECTIONS)) {
      for (const p of params)
        out.push({
          route,
          part: 'params',
          field: `${p} (${kind})`,
          url: route.url.replace(/:(\w+)/g, (_, name: string) =>
            encodeURIComponent(name === p ? bad : 'probe'),
          ),
          body: plainBody,
          expectedPath: `$params.${p}`,
        });
      const queryFields = route.schema?.querystring
        ? stringPaths(route.schema.querystring).map((k) => String(k[0]))
        : [];
      for (const q of queryFields.length ? queryFields : ['q'])
        out.push({
          route,
          part: 'query',
          field: `${q} (${kind})`,
          url: `${plainUrl}?${new URLSearchParams({ [q]: bad }).toString()}`,
          body: plainBody,
          expectedPath: `$query.${q}`,
        });
      if (route.method === 'GET') continue;
      const bodyPaths = route.schema?.body ? stringPaths(route.schema.body) : [['x']];
      for (const p of bodyPaths.length ? bodyPaths : [['x']])
        out.push({
          route,
          part: 'body',
          field: `${jsonPath(p)} (${kind})`,
          url: plainUrl,
          body: valueAt(p, bad),
          expectedPath: jsonPath(p),
        });
    }
  }
  return out;
}

/**
 * The one string rule, generated from the route table and its schemas (like the
 * authorization matrix): NUL, a bidi override or a zero-width character in any
 * string of any route's path, query or typed body → 400 naming the field's
 * path, before any handler or database sees it; never a 5xx. Each route is
 * called by a role it admits, so the refusal is the rule's, not authorization's.
 */
describeOnBothEngines('input hygiene on every route', (getDb, engine) => {
  let server: TestServer;
  let browsers = new Map<Role, Browser>();
  let unitId = '';
  beforeAll(async () => {
    const now = '2025-09-15T01:00:00.000Z';
    server = await startTestServer({ db: getDb(), clock: () => now, loginPerMinute: 1_000_000 });
    ({ browsers, unitId } = await signInEveryRole(getDb(), server.url, { prefix: `hy-${engine}`, now }));
  });
  afterAll(() => server?.close());

  it(
    'refuses NUL, bidi overrides and zero-width characters in every field with 400 and its path',
    { timeout: 300_000 },
    async () => {
      const all = probes(server.app.routeTable);
      expect(all.length).toBeGreaterThan(server.app.routeTable.length * 3);
      const failures: string[] = [];
      for (const p of all) {
        const access = p.route.access;
        const b = 'public' in access ? new Browser(server.url) : browsers.get(access.roles[0] as Role)!;
        const res = await b.req(p.route.method, p.url, p.body, { 'idempotency-key': 'hygiene-probe-1' });
        const paths = (res.json?.errors ?? []).map((e) => e.path);
        if (res.status !== 400 || !paths.includes(p.expectedPath))
          failures.push(
            `${p.route.method} ${p.route.url} ${p.part} ${p.field} → ${res.status} ${JSON.stringify(paths)}`,
          );
      }
      expect(failures).toEqual([]);
      expect((await fetch(`${server.url}/healthz`)).status).toBe(200);
    },
  );

  it('a NUL in a login or a search is a 400, not a database error', async () => {
    const anon = new Browser(server.url);
    const login = await anon.req('POST', '/api/v1/auth/login', { username: 'admin\u0000', password: 'x' });
    expect(login.status).toBe(400);
    expect(login.json.errors).toEqual([{ path: '$.username', message: '不能包含控制字符' }]);
    const search = await browsers
      .get('employer_hr')!
      .req('GET', `/api/v1/units/${unitId}/holders?q=${encodeURIComponent('张\u0000')}`);
    expect(search.status).toBe(400);
    expect(search.json.errors?.[0]?.path).toBe('$query.q');
    expect(server.logs()).not.toMatch(/"level":50/);
  });

  it('keeps tab and newline in free-text fields, refuses them in names', async () => {
    const anon = new Browser(server.url);
    const name = await anon.req(
      'POST',
      '/api/v1/units/register',
      { unit: { name: '甲\n乙公司' } },
      { 'idempotency-key': 'hygiene-newline-1' },
    );
    expect(name.status).toBe(400);
    expect(name.json.errors).toContainEqual({ path: '$.unit.name', message: '不能包含控制字符' });
    // A reason may span lines: the clerk's rejection with a numbered list is stored as written.
    const pending = await insertUnit(getDb(), {
      name: '待核验单位',
      creditCode: sampleCreditCode(engine === 'sqlite' ? 424_242 : 424_243),
      district: '闵行',
      kind: 'enterprise',
      now: '2025-09-15T01:00:00.000Z',
    });
    const reason = await browsers
      .get('acceptance_clerk')!
      .req(
        'POST',
        `/api/v1/units/${pending.id}/verify`,
        { decision: 'rejected', reason: '材料不全：\n1. 营业执照\t复印件' },
        { 'idempotency-key': 'hygiene-newline-2' },
      );
    expect(reason.status).toBe(200);
    expect((await getUnit(getDb(), pending.id))?.rejectionReason).toBe('材料不全：\n1. 营业执照\t复印件');
  });
  it('reads whole numbers as decimal digits only: 0x10, 1e3, " 5", 5.0 are refused', async () => {
    const hr = browsers.get('employer_hr')!;
    for (const bad of ['0x10', '1e3', ' 5', '5.0', '-1', '+5']) {
      const q = encodeURIComponent(bad);
      const limit = await hr.req('GET', `/api/v1/units/${unitId}/holders?limit=${q}`);
      expect(limit.status, bad).toBe(400);
      expect(limit.json.errors?.[0]?.path).toBe('$query.limit');
      const offset = await hr.req('GET', `/api/v1/units/${unitId}/holders?offset=${q}`);
      expect(offset.json.errors?.[0]?.path, bad).toBe('$query.offset');
      const horizon = await new Browser(server.url).req('POST', `/api/v1/plan?horizon=${q}`, PROFILE);
      expect(
        horizon.json.errors?.map((e) => e.path),
        bad,
      ).toContain('$query.horizon');
      const n = await new Browser(server.url).req('GET', `/api/v1/workdays/add?date=2025-01-02&n=${q}`);
      expect(n.json.errors?.[0]?.path, bad).toBe('$query.n');
    }
    // Header values lose their surrounding blanks in HTTP itself (RFC 9110 §5.5), so ' 5' is not tried there.
    for (const bad of ['0x1', '1e0', '1.0', '-1', 'W/"1"', '"1']) {
      const ifMatch = await hr.req(
        'POST',
        '/api/v1/cases/00000000-0000-0000-0000-000000000000/submit',
        {},
        { 'idempotency-key': 'hygiene-if-match', 'if-match': bad },
      );
      expect(ifMatch.status, bad).toBe(400);
      expect(ifMatch.json.errors?.[0]?.path).toBe('$headers.if-match');
    }
    expect((await hr.req('GET', `/api/v1/units/${unitId}/holders?limit=5&offset=0`)).status).toBe(200);
    expect(
      (await new Browser(server.url).req('GET', '/api/v1/workdays/add?date=2025-01-02&n=3')).status,
    ).toBe(200);
  });
});
