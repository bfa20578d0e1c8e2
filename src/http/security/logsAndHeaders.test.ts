import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hashPassword } from '../../accounts/passwords.js';
import { insertUser } from '../../storage/index.js';
import { describeOnBothEngines } from '../../storage/testing/bothEngines.js';
import { redactUrl } from '../logRedaction.js';
import { Browser, startTestServer, type TestServer } from '../testing/startTestServer.js';

const NOW = '2025-09-15T01:00:00.000Z';

describe('redactUrl', () => {
  it('masks notice codes in paths and every query value but a few harmless ones', () => {
    expect(redactUrl('/api/v1/notices/K7Q2M9X4P3A8')).toBe('/api/v1/notices/:code');
    expect(redactUrl('/verify/K7Q2M9X4P3A8?src=qr')).toBe('/verify/:code?src=*');
    expect(redactUrl('/api/v1/units/u1/holders?q=%E5%BC%A0%E4%B8%89&limit=5')).toBe(
      '/api/v1/units/u1/holders?q=*&limit=5',
    );
    expect(redactUrl('/x?idNumber=310101199001011234&phone=13800138000&name=a')).toBe(
      '/x?idNumber=*&phone=*&name=*',
    );
  });
});

/**
 * Logs and caches: request logs never carry search terms, names, ID numbers,
 * phones or notice codes (URLs included); a signed-in user's answers are
 * `Cache-Control: no-store`; framing is refused one way (CSP frame-ancestors
 * 'none' and X-Frame-Options DENY); HSTS only over https.
 */
describeOnBothEngines('logs and caches', (getDb, engine) => {
  let server: TestServer;
  let user: Browser;
  beforeAll(async () => {
    server = await startTestServer({ db: getDb(), clock: () => NOW, loginPerMinute: 10_000 });
    await insertUser(getDb(), {
      username: `logs-admin-${engine}`,
      displayName: '日志',
      role: 'admin',
      passwordHash: await hashPassword('logs password 2025'),
      now: NOW,
    });
    user = new Browser(server.url);
    expect((await user.login(`logs-admin-${engine}`, 'logs password 2025')).status).toBe(200);
  });
  afterAll(() => server?.close());

  it('logs URLs without notice codes, search terms, names, ID numbers or phones', async () => {
    const anon = new Browser(server.url);
    await anon.req('GET', '/api/v1/notices/SECRETCODE7Q2M');
    await anon.req('GET', '/verify/SECRETCODE7Q2M');
    await anon.req('GET', `/api/v1/units/u1/holders?q=${encodeURIComponent('张秘密')}`);
    await user.req('GET', '/api/v1/admin/users?q=secretname&idNumber=310101199001011234&phone=13800138000');
    const logs = server.logs();
    expect(logs).toContain('/api/v1/notices/:code');
    expect(logs).toContain('"url":"/verify/:code"');
    for (const secret of [
      'SECRETCODE7Q2M',
      '张秘密',
      encodeURIComponent('张秘密'),
      'secretname',
      '310101199001011234',
      '13800138000',
    ])
      expect(logs, secret).not.toContain(secret);
  });

  it('answers a signed-in user with Cache-Control: no-store, public data without it', async () => {
    const session = await user.req('GET', '/api/v1/auth/session');
    expect(session.status).toBe(200);
    expect(session.headers.get('cache-control')).toBe('no-store');
    const rules = await new Browser(server.url).req('GET', '/api/v1/rules');
    expect(rules.headers.get('cache-control')).not.toBe('no-store');
  });

  it('refuses framing one way: frame-ancestors none and X-Frame-Options DENY', async () => {
    const res = await fetch(`${server.url}/healthz`);
    expect(res.headers.get('x-frame-options')).toBe('DENY');
    expect(res.headers.get('content-security-policy')).toContain("frame-ancestors 'none'");
  });

  it('sends no HSTS over plain http, and ignores X-Forwarded-Proto without a trusted proxy', async () => {
    expect((await fetch(`${server.url}/healthz`)).headers.get('strict-transport-security')).toBeNull();
    const spoofed = await fetch(`${server.url}/healthz`, { headers: { 'x-forwarded-proto': 'https' } });
    expect(spoofed.headers.get('strict-transport-security')).toBeNull();
  });
});

describe('HSTS behind a trusted proxy', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer({ env: { JIFEN_TRUST_PROXY: 'true' } });
  });
  afterAll(() => server?.close());

  it('is sent when the proxy says the request came over https, and only then', async () => {
    const https = await fetch(`${server.url}/healthz`, { headers: { 'x-forwarded-proto': 'https' } });
    expect(https.headers.get('strict-transport-security')).toBe('max-age=31536000; includeSubDomains');
    expect((await fetch(`${server.url}/healthz`)).headers.get('strict-transport-security')).toBeNull();
  });
});
