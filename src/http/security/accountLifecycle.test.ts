import argon2 from 'argon2';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { HASH_OPTIONS, hashPassword, needsRehash } from '../../accounts/passwords.js';
import { seedWorld, type World } from '../../cases/testing/world.js';
import { insertUser, type Role } from '../../storage/index.js';
import { describeOnBothEngines } from '../../storage/testing/bothEngines.js';
import { Browser, startTestServer, type TestServer } from '../testing/startTestServer.js';

const PASSWORD = 'lifecycle start secret 9';
const NEW_PASSWORD = 'a fresh own secret 2025';

/**
 * The account lifecycle (issue 12) over real HTTP: self-service change, forced
 * change of a password set by someone else, resets by the administrator and by
 * the unit's HR (its own employees only), rehash on login, tokens revoked when
 * their user is disabled.
 */
describeOnBothEngines('account lifecycle', (getDb, engine) => {
  let server: TestServer;
  let world: World;
  let admin: Browser;
  const now = '2025-09-15T02:00:00.000Z';
  const u = (name: string) => `${name}-${engine}`;
  const ids = new Map<string, string>();
  const add = async (name: string, role: Role, room: Record<string, string> = {}, hash?: string) => {
    const user = await insertUser(getDb(), {
      username: u(name),
      displayName: name,
      role,
      ...room,
      passwordHash: hash ?? (await hashPassword(PASSWORD)),
      now,
    });
    ids.set(name, user.id);
  };
  const signIn = async (name: string, password = PASSWORD) => {
    const b = new Browser(server.url);
    const r = await b.login(u(name), password);
    expect(r.status, r.text).toBe(200);
    return b;
  };
  const queue = (b: Browser) => b.req('GET', `/api/v1/districts/${encodeURIComponent('闵行')}/queue`);
  /** The audit commands an actor's requests recorded. */
  const auditCommands = async (actorId: string) =>
    (await getDb().selectFrom('auditEvents').select('command').where('actorId', '=', actorId).execute()).map(
      (e) => e.command,
    );

  beforeAll(async () => {
    world = await seedWorld(getDb(), `al${engine}`);
    await add('admin', 'admin');
    for (const name of ['changer', 'guesser', 'reset.me', 'token.owner'])
      await add(name, 'acceptance_clerk', { district: '闵行' });
    await add('hr.a', 'employer_hr', { unitId: world.units.a });
    await add('hr.b', 'employer_hr', { unitId: world.units.b });
    await add('holder.h1', 'holder', { holderId: world.holders.h1 });
    // A hash made with argon2's defaults (other parameters than the server's), as old demo seeds did.
    await add('old.hash', 'district_reviewer', { district: '闵行' }, await argon2.hash(PASSWORD));
    server = await startTestServer({ db: getDb(), clock: () => now, loginPerMinute: 10_000 });
    admin = await signIn('admin');
  });
  afterAll(() => server?.close());

  it('changes the password with the right current one: other sessions end, this one is renewed', async () => {
    const desk = await signIn('changer');
    const phone = await signIn('changer');
    const oldCookie = desk.cookies.get('jifen_session');
    const r = await desk.req('POST', '/api/v1/auth/password', {
      currentPassword: PASSWORD,
      newPassword: NEW_PASSWORD,
    });
    expect(r.status, r.text).toBe(200);
    expect(r.json).toMatchObject({ ok: true, otherSessionsEnded: 1, apiTokensRevoked: false });
    // This session continues under a new id and CSRF token; the old id is worth nothing.
    expect(desk.cookies.get('jifen_session')).not.toBe(oldCookie);
    expect(r.json.csrfToken).not.toBe(desk.csrf);
    desk.csrf = r.json.csrfToken as string;
    expect((await queue(desk)).status).toBe(200);
    expect((await phone.req('GET', '/api/v1/auth/session')).status).toBe(401);
    const stale = new Browser(server.url);
    stale.cookies.set('jifen_session', oldCookie!);
    expect((await stale.req('GET', '/api/v1/auth/session')).status).toBe(401);
    expect((await new Browser(server.url).login(u('changer'), PASSWORD)).status).toBe(401);
    expect((await new Browser(server.url).login(u('changer'), NEW_PASSWORD)).status).toBe(200);
    expect(await auditCommands(ids.get('changer')!)).toContain('change_password');
    expect(server.logs()).not.toContain(NEW_PASSWORD);
  });

  it('a wrong current password is refused, counted by the lockout, and cannot be brute-forced', async () => {
    const b = await signIn('guesser');
    const statuses: number[] = [];
    for (let i = 0; i < 6; i++) {
      const r = await b.req('POST', '/api/v1/auth/password', {
        currentPassword: `wrong guess number ${i}`,
        newPassword: NEW_PASSWORD,
      });
      statuses.push(r.status);
      if (i === 0) expect(r.json.errors).toEqual([{ path: '$.currentPassword', message: '当前密码不正确' }]);
    }
    expect(statuses).toEqual([400, 400, 400, 400, 400, 429]);
    // The lock is the login's: the right current password and a new login both wait for its end.
    const right = await b.req('POST', '/api/v1/auth/password', {
      currentPassword: PASSWORD,
      newPassword: NEW_PASSWORD,
    });
    expect(right.status).toBe(429);
    expect((await new Browser(server.url).login(u('guesser'), PASSWORD)).status).toBe(429);
  });

  it('a password set by the administrator must be changed first: every other route is refused until then', async () => {
    const created = await admin.req('POST', '/api/v1/admin/users', {
      username: u('new.clerk'),
      displayName: '新受理员',
      role: 'acceptance_clerk',
      district: '闵行',
      password: 'chosen by the admin 77',
    });
    expect(created.status, created.text).toBe(201);
    const b = new Browser(server.url);
    const login = await b.login(u('new.clerk'), 'chosen by the admin 77');
    expect(login.status).toBe(200);
    expect(login.json.user).toMatchObject({ passwordChangeRequired: true });
    const session = await b.req('GET', '/api/v1/auth/session');
    expect(session.status).toBe(200);
    expect(session.json.user).toMatchObject({ passwordChangeRequired: true });
    // Generated from the route table: every protected route except session, logout and the change.
    const open = new Set([
      'GET /api/v1/auth/session',
      'POST /api/v1/auth/logout',
      'POST /api/v1/auth/password',
    ]);
    const refused: string[] = [];
    for (const r of server.app.routeTable) {
      if ('public' in r.access || open.has(`${r.method} ${r.url}`)) continue;
      const url = r.url.replace(/:(\w+)/g, '00000000-0000-0000-0000-000000000000');
      const res = await b.req(r.method, url, r.method === 'GET' ? undefined : {});
      if (res.status !== 403 || res.json.reason !== 'password_change') refused.push(`${r.method} ${r.url}`);
    }
    expect(refused).toEqual([]);
    const changed = await b.req('POST', '/api/v1/auth/password', {
      currentPassword: 'chosen by the admin 77',
      newPassword: NEW_PASSWORD,
    });
    expect(changed.status, changed.text).toBe(200);
    b.csrf = changed.json.csrfToken as string;
    expect((await queue(b)).status).toBe(200);
    expect((await b.req('GET', '/api/v1/auth/session')).json.user).toMatchObject({
      passwordChangeRequired: false,
    });
  });

  it('the administrator resets an officer: a one-time password, sessions ended, change forced, audited', async () => {
    const officer = await signIn('reset.me');
    const target = ids.get('reset.me')!;
    const clerk = await signIn('token.owner');
    expect((await clerk.req('POST', `/api/v1/admin/users/${target}/password-reset`, {})).status).toBe(403);
    const r = await admin.req('POST', `/api/v1/admin/users/${target}/password-reset`, {});
    expect(r.status, r.text).toBe(200);
    expect(r.json).toMatchObject({ userId: target, username: u('reset.me'), sessionsEnded: 1 });
    const otp = r.json.oneTimePassword as string;
    expect(otp.length).toBeGreaterThanOrEqual(16);
    expect((await officer.req('GET', '/api/v1/auth/session')).status).toBe(401);
    expect((await new Browser(server.url).login(u('reset.me'), PASSWORD)).status).toBe(401);
    const b = new Browser(server.url);
    const login = await b.login(u('reset.me'), otp);
    expect(login.json.user).toMatchObject({ passwordChangeRequired: true });
    expect((await queue(b)).json.reason).toBe('password_change');
    expect(await auditCommands(ids.get('admin')!)).toContain('reset_password');
    const stored = await getDb()
      .selectFrom('users')
      .select('passwordHash')
      .where('id', '=', target)
      .executeTakeFirstOrThrow();
    expect(stored.passwordHash).toMatch(/^\$argon2id\$/);
    expect(stored.passwordHash).not.toContain(otp);
    expect(server.logs()).not.toContain(otp);
    // Holders are reset by their unit's HR, and nobody resets their own password.
    const holder = await admin.req('POST', `/api/v1/admin/users/${ids.get('holder.h1')!}/password-reset`, {});
    expect(holder.status).toBe(403);
    const self = await admin.req('POST', `/api/v1/admin/users/${ids.get('admin')!}/password-reset`, {});
    expect(self.status).toBe(409);
  });

  it("the unit's HR resets its employee's login; another unit's HR is refused", async () => {
    const holder = await signIn('holder.h1');
    const hrA = await signIn('hr.a');
    const hrB = await signIn('hr.b');
    const h1 = world.holders.h1;
    const employees = await hrA.req('GET', `/api/v1/units/${world.units.a}/holders?limit=100`);
    expect(
      (employees.json.items as { holderId: string; hasLogin: boolean }[]).find((e) => e.holderId === h1),
    ).toMatchObject({ hasLogin: true });
    // Not the other unit's employee: 404 like an unknown holder; not its unit: 403.
    const foreign = await hrB.req('POST', `/api/v1/units/${world.units.b}/holders/${h1}/password-reset`, {});
    expect(foreign.status).toBe(404);
    const otherRoom = await hrB.req(
      'POST',
      `/api/v1/units/${world.units.a}/holders/${h1}/password-reset`,
      {},
    );
    expect(otherRoom.status).toBe(403);
    expect((await holder.req('GET', '/api/v1/auth/session')).status).toBe(200);
    const r = await hrA.req('POST', `/api/v1/units/${world.units.a}/holders/${h1}/password-reset`, {});
    expect(r.status, r.text).toBe(200);
    expect(r.json).toMatchObject({ username: u('holder.h1'), sessionsEnded: 1 });
    expect((await holder.req('GET', '/api/v1/auth/session')).status).toBe(401);
    const b = new Browser(server.url);
    const login = await b.login(u('holder.h1'), r.json.oneTimePassword as string);
    expect(login.json.user).toMatchObject({ passwordChangeRequired: true });
    expect(await auditCommands(ids.get('hr.a')!)).toContain('reset_password');
  });

  it('rehashes a hash made with other parameters at the next successful login', async () => {
    const before = await getDb()
      .selectFrom('users')
      .select('passwordHash')
      .where('id', '=', ids.get('old.hash')!)
      .executeTakeFirstOrThrow();
    expect(needsRehash(before.passwordHash!)).toBe(true);
    await signIn('old.hash');
    const after = await getDb()
      .selectFrom('users')
      .select('passwordHash')
      .where('id', '=', ids.get('old.hash')!)
      .executeTakeFirstOrThrow();
    expect(after.passwordHash).not.toBe(before.passwordHash);
    expect(needsRehash(after.passwordHash!)).toBe(false);
    const params = /\$m=(\d+),p=(\d+),t=(\d+)\$/.exec(after.passwordHash!)!.slice(1).map(Number);
    expect(params).toEqual([HASH_OPTIONS.memoryCost, HASH_OPTIONS.parallelism, HASH_OPTIONS.timeCost]);
    await signIn('old.hash');
  });

  it('disabling a user revokes their API tokens for good; logging out everywhere keeps them, and says so', async () => {
    const owner = ids.get('token.owner')!;
    const issued = await admin.req('POST', '/api/v1/admin/tokens', {
      userId: owner,
      name: '区系统对接',
      scopes: ['cases:read'],
    });
    expect(issued.status).toBe(201);
    const bearer = { authorization: `Bearer ${issued.json.token as string}` };
    const viaToken = () =>
      new Browser(server.url).req(
        'GET',
        `/api/v1/districts/${encodeURIComponent('闵行')}/queue`,
        undefined,
        bearer,
      );
    expect((await viaToken()).status).toBe(200);
    const everywhere = await (await signIn('token.owner')).req('POST', '/api/v1/auth/logout-all', {});
    expect(everywhere.json).toMatchObject({ ok: true, apiTokensRevoked: false });
    expect((await viaToken()).status).toBe(200);
    const off = await admin.req('POST', `/api/v1/admin/users/${owner}/active`, {
      active: false,
      reason: '离职',
    });
    expect(off.status, off.text).toBe(200);
    expect(off.json).toMatchObject({ tokensRevoked: 1 });
    expect((await viaToken()).status).toBe(401);
    const on = await admin.req('POST', `/api/v1/admin/users/${owner}/active`, {
      active: true,
      reason: '返岗',
    });
    expect(on.status).toBe(200);
    expect((await viaToken()).status).toBe(401);
  });
});
