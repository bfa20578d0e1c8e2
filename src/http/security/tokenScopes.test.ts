import { afterAll, beforeAll, expect, it } from 'vitest';
import { hashPassword } from '../../accounts/passwords.js';
import { insertUser } from '../../storage/index.js';
import { describeOnBothEngines } from '../../storage/testing/bothEngines.js';
import { Browser, startTestServer, type TestServer } from '../testing/startTestServer.js';

const PASSWORD = 'token scopes 2025 pass';

/**
 * Deny by default for tokens (issue 12): a route that declares no scope refuses
 * every token, admin routes need the `admin` scope, and a token never mints a
 * token with more scopes than its own. Generated from the route table.
 */
describeOnBothEngines('API token scopes', (getDb, engine) => {
  let server: TestServer;
  let admin: Browser;
  const now = '2025-09-15T01:00:00.000Z';
  const bearer = (token: string) => ({ authorization: `Bearer ${token}` });
  let adminId = '';
  beforeAll(async () => {
    const db = getDb();
    const hash = await hashPassword(PASSWORD);
    const user = await insertUser(db, {
      username: `tok-admin-${engine}`,
      displayName: '管理员',
      role: 'admin',
      passwordHash: hash,
      now,
    });
    adminId = user.id;
    server = await startTestServer({ db, clock: () => now, loginPerMinute: 10_000 });
    admin = new Browser(server.url);
    expect((await admin.login(`tok-admin-${engine}`, PASSWORD)).status).toBe(200);
  });
  afterAll(() => server?.close());

  const mint = async (scopes: string[]) => {
    const r = await admin.req('POST', '/api/v1/admin/tokens', { userId: adminId, name: 't', scopes });
    expect(r.status).toBe(201);
    return r.json.token as string;
  };

  it("a stats:read token is refused on every admin and account route with reason 'scope'", async () => {
    const token = await mint(['stats:read']);
    const routes = server.app.routeTable.filter(
      (r) =>
        !('public' in r.access) && (r.url.startsWith('/api/v1/admin/') || r.url.startsWith('/api/v1/auth/')),
    );
    expect(routes.length).toBeGreaterThan(10);
    const failures: string[] = [];
    for (const r of routes) {
      const url = r.url.replace(/:(\w+)/g, '00000000-0000-0000-0000-000000000000');
      const body = r.method === 'GET' ? undefined : { userId: adminId, name: 'x', scopes: ['admin'] };
      const res = await new Browser(server.url).req(r.method, url, body, bearer(token));
      if (res.status !== 403 || res.json?.reason !== 'scope')
        failures.push(`${r.method} ${r.url} → ${res.status}`);
    }
    expect(failures).toEqual([]);
  });

  it('a token can mint no token with a scope it lacks; only an admin scope opens admin routes', async () => {
    const adminToken = await mint(['admin']);
    const narrow = await new Browser(server.url).req(
      'POST',
      '/api/v1/admin/tokens',
      { userId: adminId, name: 'wider', scopes: ['admin', 'cases:write'] },
      bearer(adminToken),
    );
    expect(narrow.status).toBe(403);
    expect(narrow.json.reason).toBe('scope');
    const same = await new Browser(server.url).req(
      'POST',
      '/api/v1/admin/tokens',
      { userId: adminId, name: 'same', scopes: ['admin'] },
      bearer(adminToken),
    );
    expect(same.status).toBe(201);
    expect(
      (await new Browser(server.url).req('GET', '/api/v1/admin/users', undefined, bearer(adminToken))).status,
    ).toBe(200);
    // The admin scope is never granted to anyone but an administrator.
    const clerk = await insertUser(getDb(), {
      username: `tok-clerk-${engine}`,
      displayName: '受理',
      role: 'acceptance_clerk',
      district: '闵行',
      now,
    });
    const forClerk = await admin.req('POST', '/api/v1/admin/tokens', {
      userId: clerk.id,
      name: 'c',
      scopes: ['admin'],
    });
    expect(forClerk.status).toBe(403);
    expect(forClerk.json.reason).toBe('scope');
  });
});
