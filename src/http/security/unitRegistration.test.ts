import { afterAll, beforeAll, expect, it } from 'vitest';
import { sampleCreditCode } from '../../shared/creditCode.js';
import { describeOnBothEngines } from '../../storage/testing/bothEngines.js';
import { Browser, startTestServer, type TestServer } from '../testing/startTestServer.js';

/**
 * Unit registration is anonymous: the server picks the unit's id, one
 * 统一社会信用代码 registers once (409 after), and the code's check character
 * (GB 32100-2015) must be right, so a typo or an invented code is refused.
 */
describeOnBothEngines('unit registration', (getDb, engine) => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer({ db: getDb(), clock: () => '2025-09-15T01:00:00.000Z' });
  });
  afterAll(() => server?.close());

  const registration = (creditCode: string, username: string, extra: Record<string, unknown> = {}) => ({
    unit: { name: '上海注册测试有限公司', creditCode, district: '闵行', kind: 'enterprise', ...extra },
    hr: { username, displayName: '经办人', password: 'a long new password' },
  });
  const register = (body: unknown, key: string) =>
    new Browser(server.url).req('POST', '/api/v1/units/register', body, { 'idempotency-key': key });

  it('takes no unit id from the body: the server generates it', async () => {
    const code = sampleCreditCode(engine === 'sqlite' ? 7001 : 7002);
    const res = await register(
      registration(code, `reg.id.${engine}`, { id: 'demo-mh-1' }),
      `reg-id-${engine}`,
    );
    expect(res.status).toBe(400);
    expect(res.json.errors?.map((e) => e.path)).toContain('$.input.unit');
    const ok = await register(registration(code, `reg.id.${engine}`), `reg-id-ok-${engine}`);
    expect(ok.status).toBe(201);
    expect(ok.json.unitId).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('refuses a second registration of the same credit code with 409', async () => {
    const code = sampleCreditCode(engine === 'sqlite' ? 7101 : 7102);
    expect((await register(registration(code, `reg.first.${engine}`), `reg-dup-1-${engine}`)).status).toBe(
      201,
    );
    const squat = await register(registration(code, `reg.squat.${engine}`), `reg-dup-2-${engine}`);
    expect(squat.status).toBe(409);
    expect(squat.json.code).toBe('conflict');
    // Nothing of the refused registration remains: its HR username is still free.
    const retry = await register(
      registration(sampleCreditCode(engine === 'sqlite' ? 7103 : 7104), `reg.squat.${engine}`),
      `reg-dup-3-${engine}`,
    );
    expect(retry.status).toBe(201);
  });

  it('refuses a credit code whose check character is wrong, naming the field', async () => {
    const good = sampleCreditCode(engine === 'sqlite' ? 7201 : 7202);
    const bad = good.slice(0, 17) + (good[17] === '0' ? '1' : '0');
    const res = await register(registration(bad, `reg.bad.${engine}`), `reg-bad-${engine}`);
    expect(res.status).toBe(400);
    expect(res.json.errors).toContainEqual({
      path: '$.input.unit.creditCode',
      message: '统一社会信用代码校验位不正确（GB 32100-2015）',
    });
  });
});
