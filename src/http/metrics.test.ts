import { describe, expect, it } from 'vitest';
import { buildServer } from './buildServer.js';
import { loadServerConfig } from './config.js';
import { toProblem } from './problem.js';

describe('/metrics', () => {
  it('counts requests and latencies by route template, in the Prometheus text format', async () => {
    const app = await buildServer({
      config: loadServerConfig({ LOG_LEVEL: 'silent', JIFEN_METRICS_TOKEN: 'scrape-secret-0123456789' }),
      logger: false,
      poolStats: () => ({ total: 3, idle: 2, waiting: 0, max: 10 }),
    });
    for (let i = 0; i < 3; i++) await app.inject({ method: 'GET', url: '/healthz' });
    await app.inject({ method: 'GET', url: '/api/v1/rules?at=2025-01-01' });
    const r = await app.inject({
      method: 'GET',
      url: '/metrics',
      headers: { authorization: 'Bearer scrape-secret-0123456789' },
    });
    expect(r.statusCode).toBe(200);
    expect(r.headers['content-type']).toContain('text/plain; version=0.0.4');
    expect(r.body).toContain('jifen_http_requests_total{method="GET",route="/healthz",status="200"} 3');
    expect(r.body).toContain(
      'jifen_http_request_duration_seconds_bucket{method="GET",route="/healthz",le="+Inf"} 3',
    );
    expect(r.body).toMatch(/route="\/api\/v1\/rules"/);
    expect(r.body).not.toContain('2025-01-01'); // templates, never URLs
    expect(r.body).toContain('jifen_db_pool_connections{state="idle"} 2');
    await app.close();
  });

  it('is off (404) unless the operator sets JIFEN_METRICS_TOKEN', async () => {
    const app = await buildServer({ config: loadServerConfig({ LOG_LEVEL: 'silent' }), logger: false });
    const r = await app.inject({ method: 'GET', url: '/metrics' });
    expect(r.statusCode).toBe(404);
    expect(r.body).not.toContain('jifen_http');
    await app.close();
  });

  it('requires the bearer token when JIFEN_METRICS_TOKEN is set', async () => {
    const app = await buildServer({
      config: loadServerConfig({ LOG_LEVEL: 'silent', JIFEN_METRICS_TOKEN: 'scrape-secret-0123456789' }),
      logger: false,
    });
    expect((await app.inject({ method: 'GET', url: '/metrics' })).statusCode).toBe(401);
    const ok = await app.inject({
      method: 'GET',
      url: '/metrics',
      headers: { authorization: 'Bearer scrape-secret-0123456789' },
    });
    expect(ok.statusCode).toBe(200);
    await app.close();
  });
});

describe('database unavailable → 503', () => {
  it('maps connection loss, shutdown and refused connections to a retryable problem', () => {
    for (const e of [
      Object.assign(new Error('terminating connection due to administrator command'), { code: '57P01' }),
      Object.assign(new Error('the database system is starting up'), { code: '57P03' }),
      Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:5432'), { code: 'ECONNREFUSED' }),
      new Error('Connection terminated unexpectedly'),
    ])
      expect(toProblem(e, 'r1')).toMatchObject({ status: 503, code: 'unavailable' });
    expect(toProblem(new Error('boom'), 'r1')).toMatchObject({ status: 500, code: 'internal' });
  });
});
