import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { REPO_ROOT, startServerProcess, type ServerProcess } from './testing/serverProcess.js';

const golden = JSON.parse(readFileSync(`${REPO_ROOT}docs/spec/cases/p12.json`, 'utf8')) as {
  profile: unknown;
  expected: { total: number };
};
const BODY = Buffer.from(JSON.stringify(golden.profile));

/** A request whose body is sent in two halves: the second only when `finish()` is called. */
function slowUpload(base: string, requestId: string) {
  const url = new URL('/api/v1/score', base);
  let finish!: () => void;
  const done = new Promise<{ status: number; body: string } | { error: string }>((resolve) => {
    const req = request(
      {
        host: url.hostname,
        port: url.port,
        path: url.pathname,
        method: 'POST',
        agent: false,
        headers: {
          'content-type': 'application/json',
          'content-length': BODY.length,
          'x-request-id': requestId,
        },
      },
      (res) => {
        let body = '';
        res.on('data', (d: Buffer) => (body += d.toString()));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
        res.on('error', (e) => resolve({ error: e.message }));
      },
    );
    req.on('error', (e) => resolve({ error: e.message }));
    const half = Math.floor(BODY.length / 2);
    req.write(BODY.subarray(0, half));
    finish = () => req.end(BODY.subarray(half));
  });
  return { done, finish: () => finish() };
}

/** The request ids the server logged as received ("incoming request"). */
const received = (output: string): Set<string> =>
  new Set(
    output
      .split('\n')
      .filter((l) => l.startsWith('{') && l.includes('"incoming request"'))
      .map((l) => (JSON.parse(l) as { reqId: string }).reqId),
  );

/**
 * Graceful shutdown of the real server process (`npm start`): on SIGTERM it stops
 * taking connections, finishes every request it has started (2xx, none reset),
 * closes the database and exits 0.
 */
describe('graceful shutdown on SIGTERM', () => {
  let dir: string;
  let server: ServerProcess | undefined;
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'jifen-shutdown-'));
  });
  afterAll(() => {
    server?.child.kill('SIGKILL');
    rmSync(dir, { recursive: true, force: true });
  });

  it('finishes in-flight requests with 2xx and exits 0', async () => {
    server = await startServerProcess({ JIFEN_DATA_DIR: dir, LOG_LEVEL: 'info' });
    const { url } = server;

    // Slow uploads: the server has started each of them (logged it), the bodies are half sent.
    const slow = Array.from({ length: 10 }, (_, i) => ({ id: `slow-${i}`, ...slowUpload(url, `slow-${i}`) }));
    const deadline = Date.now() + 10_000;
    while (slow.some((s) => !received(server!.output()).has(s.id)) && Date.now() < deadline)
      await new Promise((r) => setTimeout(r, 20));
    expect([...received(server.output())].filter((id) => id.startsWith('slow-'))).toHaveLength(10);

    // A burst of whole requests racing the signal.
    const burst = Array.from({ length: 30 }, (_, i) => {
      const id = `burst-${i}`;
      return fetch(`${url}/api/v1/plan?horizon=24`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-request-id': id },
        body: BODY,
      }).then(
        async (res) => ({ id, status: res.status, body: await res.text() }),
        (error: unknown) => ({ id, status: 0, body: String((error as Error).cause ?? error) }),
      );
    });
    // SIGTERM as soon as the server has started some of the burst.
    const burstDeadline = Date.now() + 10_000;
    while (
      ![...received(server.output())].some((id) => id.startsWith('burst-')) &&
      Date.now() < burstDeadline
    )
      await new Promise((r) => setTimeout(r, 5));
    expect(server.child.kill('SIGTERM')).toBe(true);

    // The process waits for the started requests: still alive while their bodies are pending.
    await new Promise((r) => setTimeout(r, 500));
    expect(server.child.exitCode).toBeNull();
    // It no longer takes new connections (refused) or new requests (503).
    const late = await fetch(`${url}/healthz`).then(
      (r) => r.status,
      () => 'refused',
    );
    expect([503, 'refused']).toContain(late);

    for (const s of slow) s.finish();
    const slowResults = await Promise.all(slow.map((s) => s.done));
    for (const r of slowResults) {
      expect(r).toMatchObject({ status: 200 });
      expect((JSON.parse((r as { body: string }).body) as { total: number }).total).toBe(
        golden.expected.total,
      );
    }
    const burstResults = await Promise.all(burst);
    expect(await server.exited).toBe(0);

    // Every burst request the server started was answered 2xx; the others were never taken.
    const started = received(server.output());
    for (const r of burstResults) {
      if (started.has(r.id)) expect(r.status, `${r.id}: ${r.body}`).toBe(200);
      else expect([0, 503], `${r.id}: ${r.status}`).toContain(r.status);
    }
    expect(burstResults.filter((r) => r.status === 200).length).toBeGreaterThan(0);
    server = undefined;
  }, 60_000);
});
