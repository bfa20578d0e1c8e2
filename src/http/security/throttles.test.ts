import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { describeOnBothEngines } from '../../storage/testing/bothEngines.js';
import { Browser, startTestServer, type TestServer } from '../testing/startTestServer.js';

const PROFILE = readFileSync(new URL('../../../examples/profile.json', import.meta.url), 'utf8');

/**
 * Per-address throttles (src/http/throttles.ts, @fastify/rate-limit): the
 * (n+1)-th request of a minute from one address is a 429 problem+json with
 * Retry-After; another address is not affected; the client address is the
 * socket's unless the server trusts a proxy.
 */
describeOnBothEngines('per-address throttles', (getDb, engine) => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer({
      db: getDb(),
      clock: () => '2025-09-15T01:00:00.000Z',
      throttles: { login: 3, rendering: 2, noticeLookup: 2, registration: 2 },
      env: { JIFEN_TRUST_PROXY: 'true' },
    });
  });
  afterAll(() => server?.close());
  const from = (address: string) => ({ 'x-forwarded-for': address });

  it('login: the 4th attempt of a minute from one address is 429, another address still gets in line', async () => {
    const anon = new Browser(server.url);
    const statuses = [];
    for (let i = 0; i < 4; i++)
      statuses.push(
        (
          await anon.req(
            'POST',
            '/api/v1/auth/login',
            { username: `nobody-${engine}`, password: 'x' },
            from('203.0.113.1'),
          )
        ).status,
      );
    expect(statuses).toEqual([401, 401, 401, 429]);
    const limited = await anon.req(
      'POST',
      '/api/v1/auth/login',
      { username: 'x', password: 'x' },
      from('203.0.113.1'),
    );
    expect(limited.json).toMatchObject({ code: 'rate_limited', title: '登录尝试过于频繁，请稍后再试' });
    expect(limited.headers.get('content-type')).toContain('application/problem+json');
    expect(Number(limited.headers.get('retry-after'))).toBeGreaterThan(0);
    expect(
      (await anon.req('POST', '/api/v1/auth/login', { username: 'x', password: 'x' }, from('203.0.113.2')))
        .status,
    ).toBe(401);
  });

  it('anonymous rendering (checklist PDF and plan share one count) is throttled per address', async () => {
    const anon = new Browser(server.url);
    const pdf = await anon.req('POST', '/api/v1/checklist.pdf', PROFILE, from('203.0.113.3'));
    expect(pdf.status).toBe(200);
    expect(pdf.headers.get('content-type')).toBe('application/pdf');
    expect((await anon.req('POST', '/api/v1/plan', PROFILE, from('203.0.113.3'))).status).toBe(200);
    expect((await anon.req('POST', '/api/v1/plan', PROFILE, from('203.0.113.3'))).status).toBe(429);
    expect((await anon.req('POST', '/api/v1/checklist.pdf', PROFILE, from('203.0.113.3'))).status).toBe(429);
    expect((await anon.req('POST', '/api/v1/plan', PROFILE, from('203.0.113.4'))).status).toBe(200);
  });

  it('notice lookups (API and page) share one count', async () => {
    const anon = new Browser(server.url);
    expect(
      (await anon.req('GET', '/api/v1/notices/ABCDEFGH1234', undefined, from('203.0.113.5'))).status,
    ).toBe(200);
    expect((await anon.req('GET', '/verify/ABCDEFGH1234', undefined, from('203.0.113.5'))).status).toBe(200);
    expect((await anon.req('GET', '/verify/ABCDEFGH1234', undefined, from('203.0.113.5'))).status).toBe(429);
  });
});

describe('client address without a trusted proxy', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer({ throttles: { rendering: 1 } });
  });
  afterAll(() => server?.close());

  it('ignores X-Forwarded-For: a client cannot pick a fresh address per request', async () => {
    const anon = new Browser(server.url);
    expect(
      (await anon.req('POST', '/api/v1/plan', PROFILE, { 'x-forwarded-for': '198.51.100.1' })).status,
    ).toBe(200);
    expect(
      (await anon.req('POST', '/api/v1/plan', PROFILE, { 'x-forwarded-for': '198.51.100.2' })).status,
    ).toBe(429);
  });
});
