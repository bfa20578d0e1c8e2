import { afterAll, beforeAll, expect, it } from 'vitest';
import { hashPassword } from '../accounts/passwords.js';
import { insertUser } from '../storage/index.js';
import { describeOnBothEngines } from '../storage/testing/bothEngines.js';
import { Browser, startTestServer, type TestServer } from './testing/startTestServer.js';

const PASSWORD = 'correct horse battery staple';

describeOnBothEngines('accounts over real HTTP', (getDb, engine) => {
  let server: TestServer;
  let now = '2025-09-15T01:00:00.000Z';
  beforeAll(async () => {
    const db = getDb();
    const hash = await hashPassword(PASSWORD);
    for (const [username, role, district] of [
      ['admin1', 'admin', null],
      ['clerk1', 'acceptance_clerk', '闵行'],
      ['clerk2', 'acceptance_clerk', '闵行'],
      ['victim', 'acceptance_clerk', '浦东新区'],
    ] as const)
      await insertUser(db, {
        username: `${username}-${engine}`,
        displayName: username,
        role,
        district,
        passwordHash: hash,
        now,
      });
    server = await startTestServer({ db, clock: () => now, loginPerMinute: 1000 });
  });
  afterAll(() => server?.close());
  const u = (name: string) => `${name}-${engine}`;

  it('logs in, shows the session, and never logs the password', async () => {
    const b = new Browser(server.url);
    const r = await b.login(u('clerk1'), PASSWORD);
    expect(r.status).toBe(200);
    expect(r.json.user).toMatchObject({ username: u('clerk1'), role: 'acceptance_clerk', district: '闵行' });
    const cookie = r.headers.getSetCookie()[0]!;
    expect(cookie).toMatch(/HttpOnly/i);
    expect(cookie).toMatch(/SameSite=Strict/i);
    const me = await b.req('GET', '/api/v1/auth/session');
    expect(me.status).toBe(200);
    expect(me.json.csrfToken).toBe(b.csrf);
    expect(server.logs()).not.toContain(PASSWORD);
    expect(server.logs()).not.toContain(b.cookies.get('jifen_session'));
  });

  it('a wrong password is 401 problem+json; repeated failures lock the account (429) even for the right password', async () => {
    const b = new Browser(server.url);
    for (let i = 0; i < 5; i++) {
      const r = await b.login(u('victim'), 'wrong password');
      expect(r.status).toBe(401);
      expect(r.headers.get('content-type')).toContain('application/problem+json');
      expect(r.json.code).toBe('unauthenticated');
    }
    const locked = await b.login(u('victim'), PASSWORD);
    expect(locked.status).toBe(429);
    expect(locked.json.code).toBe('rate_limited');
    now = '2025-09-15T01:20:00.000Z'; // after the lock
    expect((await b.login(u('victim'), PASSWORD)).status).toBe(200);
  });

  it('never adopts a session id planted before login (session fixation)', async () => {
    const b = new Browser(server.url);
    b.cookies.set('jifen_session', 'planted-by-attacker');
    await b.login(u('clerk2'), PASSWORD);
    expect(b.cookies.get('jifen_session')).not.toBe('planted-by-attacker');
    const attacker = new Browser(server.url);
    attacker.cookies.set('jifen_session', 'planted-by-attacker');
    expect((await attacker.req('GET', '/api/v1/auth/session')).status).toBe(401);
  });

  it('refuses a state-changing request of a cookie session without the CSRF token', async () => {
    const b = new Browser(server.url);
    await b.login(u('clerk1'), PASSWORD);
    const csrf = b.csrf;
    b.csrf = undefined;
    const r = await b.req('POST', '/api/v1/auth/logout-all', {});
    expect(r.status).toBe(403);
    expect(r.json.code).toBe('forbidden');
    const forged = await b.req('POST', '/api/v1/auth/logout-all', {}, { 'x-csrf-token': 'guess' });
    expect(forged.status).toBe(403);
    b.csrf = csrf;
    expect((await b.req('GET', '/api/v1/auth/session')).status).toBe(200);
  });

  it('logs out everywhere: every session of the user ends', async () => {
    const phone = new Browser(server.url);
    const desk = new Browser(server.url);
    await phone.login(u('clerk2'), PASSWORD);
    await desk.login(u('clerk2'), PASSWORD);
    const r = await desk.req('POST', '/api/v1/auth/logout-all', {});
    expect(r.status).toBe(200);
    expect((await phone.req('GET', '/api/v1/auth/session')).status).toBe(401);
    expect((await desk.req('GET', '/api/v1/auth/session')).status).toBe(401);
  });

  it('admin-only routes deny other roles (403) and anonymous callers (401)', async () => {
    const clerk = new Browser(server.url);
    await clerk.login(u('clerk1'), PASSWORD);
    const body = {
      username: `new-${engine}`,
      displayName: '新审核员',
      role: 'district_reviewer',
      district: '闵行',
      password: 'a long enough password',
    };
    expect((await clerk.req('POST', '/api/v1/admin/users', body)).status).toBe(403);
    expect((await new Browser(server.url).req('POST', '/api/v1/admin/users', body)).status).toBe(401);
    const admin = new Browser(server.url);
    await admin.login(u('admin1'), PASSWORD);
    const created = await admin.req('POST', '/api/v1/admin/users', body);
    expect(created.status).toBe(201);
    const bad = await admin.req('POST', '/api/v1/admin/users', {
      ...body,
      username: `x-${engine}`,
      district: undefined,
      password: 'short',
    });
    expect(bad.status).toBe(400);
    expect(bad.json.errors!.map((e) => e.path)).toEqual(expect.arrayContaining(['$.password', '$.district']));
  });

  it('API tokens act as their owner, and a revoked token is refused', async () => {
    const admin = new Browser(server.url);
    const login = await admin.login(u('admin1'), PASSWORD);
    const owner = (await new Browser(server.url).login(u('clerk1'), PASSWORD)).json.user as { id: string };
    const issued = await admin.req('POST', '/api/v1/admin/tokens', {
      userId: owner.id,
      name: '区系统对接',
      scopes: ['cases:read'],
    });
    expect(issued.status).toBe(201);
    const token = issued.json.token as string;
    // The token acts as its owner (the 闵行 clerk) on a route that declares its scope …
    const queue = `${server.url}/api/v1/districts/${encodeURIComponent('闵行')}/queue`;
    const bearer = { headers: { authorization: `Bearer ${token}` } };
    expect((await fetch(queue, bearer)).status).toBe(200);
    expect(
      (await fetch(`${server.url}/api/v1/districts/${encodeURIComponent('浦东新区')}/queue`, bearer)).status,
    ).toBe(403);
    // … and is refused on a route that declares none (deny by default).
    const session = await fetch(`${server.url}/api/v1/auth/session`, bearer);
    expect(session.status).toBe(403);
    expect(((await session.json()) as { reason: string }).reason).toBe('scope');
    expect(login.status).toBe(200);
    expect((await admin.req('DELETE', `/api/v1/admin/tokens/${issued.json.id as string}`)).status).toBe(200);
    expect((await fetch(queue, bearer)).status).toBe(401);
  });
});
