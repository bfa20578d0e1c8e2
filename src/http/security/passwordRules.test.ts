import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { passwordProblem } from '../../accounts/passwordPolicy.js';
import { hashPassword } from '../../accounts/passwords.js';
import { DEMO_PASSWORD } from '../../demo/seedDemo.js';
import { insertUser } from '../../storage/index.js';
import { describeOnBothEngines } from '../../storage/testing/bothEngines.js';
import { Browser, startTestServer, type TestServer } from '../testing/startTestServer.js';

const PASSWORD = 'rules start secret 42';

/** Passwords a person may not choose, each with the reason the form shows. */
const REFUSED: [string, string][] = [
  [' '.repeat(12), '密码不能只由空格组成'],
  ['short pass1', '密码至少 12 个字符'],
  ['zzzzzzzzzzzz', '密码不能由同一个字符重复组成'],
  ['password123456', '密码过于常见，容易被猜中，请换一个'],
  ['Qwertyuiop12!', '密码过于常见，容易被猜中，请换一个'],
  ['Pass-word 2024!', '密码过于常见，容易被猜中，请换一个'],
  ['19900501 1990', '密码过于常见，容易被猜中，请换一个'],
];

describe('password rules', () => {
  it('refuse blank, short, repeated and common passwords, and the username', () => {
    for (const [p, why] of REFUSED) expect(passwordProblem(p), JSON.stringify(p)).toBe(why);
    expect(passwordProblem('my name is rules.user ok', 'Rules.User')).toBe('密码不能包含用户名');
    expect(passwordProblem('x8#kLq2!vZ0p a')).toBeUndefined();
    // The documented demo password stays valid (the seed does not go through the rules, but it could).
    expect(passwordProblem(DEMO_PASSWORD, 'hr.mh1')).toBeUndefined();
  });
});

/** The rules over real HTTP, on every door where a person chooses a password (issue 12). */
describeOnBothEngines('password rules over real HTTP', (getDb, engine) => {
  let server: TestServer;
  let user: Browser;
  let admin: Browser;
  const now = '2025-09-15T02:00:00.000Z';
  const name = `rules.user-${engine}`;
  beforeAll(async () => {
    const hash = await hashPassword(PASSWORD);
    for (const [username, role] of [
      [name, 'city_supervisor'],
      [`rules.admin-${engine}`, 'admin'],
    ] as const)
      await insertUser(getDb(), { username, displayName: '规则', role, passwordHash: hash, now });
    server = await startTestServer({ db: getDb(), clock: () => now, loginPerMinute: 10_000 });
    user = new Browser(server.url);
    admin = new Browser(server.url);
    expect((await user.login(name, PASSWORD)).status).toBe(200);
    expect((await admin.login(`rules.admin-${engine}`, PASSWORD)).status).toBe(200);
  });
  afterAll(() => server?.close());

  it('the change refuses 12 spaces, the username and a blocklisted password, naming $.newPassword; no guess is spent', async () => {
    const cases: [string, string][] = [...REFUSED, [`${name}-2025`, '密码不能包含用户名']];
    for (const [newPassword, message] of cases) {
      const r = await user.req('POST', '/api/v1/auth/password', { currentPassword: PASSWORD, newPassword });
      expect(r.status, JSON.stringify(newPassword)).toBe(400);
      expect(r.json.errors).toEqual([{ path: '$.newPassword', message }]);
    }
    // Rule failures are not guesses: after more than five of them the change still goes through.
    const ok = await user.req('POST', '/api/v1/auth/password', {
      currentPassword: PASSWORD,
      newPassword: 'a good long secret 31',
    });
    expect(ok.status, ok.text).toBe(200);
  });

  it("the administrator's initial password for an officer follows the same rules, naming $.password", async () => {
    const body = (username: string, password: string) => ({
      username,
      displayName: '新人',
      role: 'city_supervisor',
      password,
    });
    const spaces = await admin.req('POST', '/api/v1/admin/users', body(`r1-${engine}`, ' '.repeat(12)));
    expect(spaces.status).toBe(400);
    expect(spaces.json.errors).toEqual([{ path: '$.password', message: '密码不能只由空格组成' }]);
    const common = await admin.req('POST', '/api/v1/admin/users', body(`r2-${engine}`, 'password123456'));
    expect(common.json.errors).toEqual([
      { path: '$.password', message: '密码过于常见，容易被猜中，请换一个' },
    ]);
    const own = await admin.req('POST', '/api/v1/admin/users', body(`r3-${engine}`, `r3-${engine} initial`));
    expect(own.json.errors).toEqual([{ path: '$.password', message: '密码不能包含用户名' }]);
    expect(
      (await admin.req('POST', '/api/v1/admin/users', body(`r4-${engine}`, 'a good initial 9x'))).status,
    ).toBe(201);
  });

  it('unit registration refuses a blocklisted HR password', async () => {
    const r = await new Browser(server.url).req(
      'POST',
      '/api/v1/units/register',
      {
        unit: {
          name: '规则测试单位',
          creditCode: '91310000MA1FL0XX1X',
          district: '闵行',
          kind: 'enterprise',
        },
        hr: { username: `reg-${engine}`, displayName: '经办人', password: 'qwerty123456' },
      },
      { 'idempotency-key': `rules-reg-${engine}` },
    );
    expect(r.status).toBe(400);
    expect(r.json.errors).toEqual(
      expect.arrayContaining([
        { path: '$.input.hr.password', message: '密码过于常见，容易被猜中，请换一个' },
      ]),
    );
  });
});
