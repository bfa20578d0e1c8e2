import fc from 'fast-check';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { hashPassword } from '../accounts/passwords.js';
import { insertUser } from '../storage/index.js';
import { describeOnBothEngines } from '../storage/testing/bothEngines.js';
import { Browser, startTestServer, type TestServer } from './testing/startTestServer.js';

const NASTY = [
  "'; DROP TABLE cases; --",
  '<script>alert(1)</script>',
  '../../../../etc/passwd',
  '\u0000',
  '${jndi:ldap://x}',
  '{{7*7}}',
  '__proto__',
  'constructor',
  '2025-02-30',
  '９９９',
  '\ud800',
  'a'.repeat(5000),
];

const nasty = fc.constantFrom(...NASTY);
const value: fc.Arbitrary<unknown> = fc.letrec((tie) => ({
  v: fc.oneof(
    { depthSize: 'small' },
    nasty,
    fc.string(),
    fc.integer(),
    fc.double(),
    fc.boolean(),
    fc.constant(null),
    fc.array(tie('v'), { maxLength: 4 }),
    fc.dictionary(
      fc.oneof(
        nasty,
        fc.constantFrom(
          'asOf',
          'birthDate',
          'contributions',
          'from',
          'to',
          'base',
          'username',
          'password',
          'role',
        ),
      ),
      tie('v'),
      { maxKeys: 5 },
    ),
  ),
})).v;

/** Raw bodies that are not even JSON objects, or are JSON with poisoned keys. */
const rawBody = fc.oneof(
  value.map((v) => JSON.stringify(v) ?? 'null'),
  fc.string(),
  fc.constant('{"__proto__": {"polluted": true}, "asOf": "2025-01-01"}'),
  fc.constant('{"constructor": {"prototype": {"x": 1}}}'),
  fc.constant('{'.repeat(2000)),
);

/**
 * Property-based fuzzing of every route of the table: malformed, oversized,
 * wrong types, injection strings → always a 4xx problem+json (or a 2xx for
 * input that happens to be valid), never a 5xx, and the server keeps serving —
 * on SQLite and on PostgreSQL (which refuses a NUL in text: the input rule must stop it first).
 */
describeOnBothEngines('fuzzing every endpoint', (getDb) => {
  let server: TestServer;
  let admin: Browser;
  beforeAll(async () => {
    const tdb = { db: getDb() };
    const now = '2025-09-15T01:00:00.000Z';
    await insertUser(tdb.db, {
      username: 'fuzz-admin',
      displayName: 'fuzz',
      role: 'admin',
      passwordHash: await hashPassword('fuzz password 123'),
      now,
    });
    server = await startTestServer({ db: tdb.db, clock: () => now, loginPerMinute: 1_000_000 });
    admin = new Browser(server.url);
    await admin.login('fuzz-admin', 'fuzz password 123');
  });
  afterAll(async () => {
    await server?.close();
  });

  it('never answers 5xx, always problem+json on errors', { timeout: 120_000 }, async () => {
    const routes = server.app.routeTable.filter((r) => !r.url.includes('logout'));
    const failures: string[] = [];
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom(...routes),
        rawBody,
        fc.dictionary(
          fc.constantFrom('explain', 'at', 'date', 'n', 'from', 'to', 'x'),
          fc.oneof(nasty, fc.string()),
          { maxKeys: 3 },
        ),
        fc.oneof(nasty, fc.string({ maxLength: 40 })),
        fc.boolean(),
        async (r, body, query, param, asAdmin) => {
          const enc = (v: string) => {
            try {
              return encodeURIComponent(v) || 'x';
            } catch {
              return 'x'; // a lone surrogate cannot be put in a URL at all
            }
          };
          const path = r.url.replace(/:(\w+)/g, () => enc(param));
          const qs = new URLSearchParams(query).toString();
          const url = `${path}${qs ? `?${qs}` : ''}`;
          const b = asAdmin ? admin : new Browser(server.url);
          const res = await b.req(r.method, url, r.method === 'GET' ? undefined : body);
          if (res.status >= 500)
            failures.push(`${r.method} ${url} → ${res.status} ${res.text.slice(0, 200)}`);
          if (res.status >= 400 && !res.headers.get('content-type')?.includes('application/problem+json'))
            failures.push(`${r.method} ${url} → ${res.status} without problem+json`);
          if (/\.ts:\d+|at \w+ \(/.test(res.text)) failures.push(`${r.method} ${url} leaked a stack trace`);
        },
      ),
      { numRuns: 400 },
    );
    expect(failures.slice(0, 10)).toEqual([]);
    expect({} as Record<string, unknown>).not.toHaveProperty('polluted');
    expect((await fetch(`${server.url}/healthz`)).status).toBe(200);
  });

  it('refuses oversized bodies with 413 and keeps serving', async () => {
    for (const r of server.app.routeTable.filter((x) => x.method === 'POST')) {
      const res = await fetch(server.url + r.url, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: `"${'x'.repeat(400 * 1024)}"`,
      });
      expect(res.status, r.url).toBe(413);
    }
    expect((await fetch(`${server.url}/healthz`)).status).toBe(200);
  });
});
