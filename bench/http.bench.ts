/**
 * `npm run bench:http` — the HTTP API under load on loopback (autocannon), server
 * and client sharing this machine's cores. Prints requests/s and latency
 * percentiles, and the ratio to a bare Fastify route measured in the same run.
 * The server runs on the demo world: embedded SQLite, or PostgreSQL with
 * DATABASE_URL (e.g. DATABASE_URL=postgres://postgres@127.0.0.1:5432/jifen_bench).
 */
import { fork } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import autocannon from 'autocannon';

const DURATION = Number(process.env.BENCH_SECONDS ?? 10);
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 32);
const profile = readFileSync(fileURLToPath(new URL('../examples/profile.json', import.meta.url)), 'utf8');

const child = fork(fileURLToPath(new URL('./httpServer.ts', import.meta.url)), [], {
  execArgv: ['--max-semi-space-size=32', '--import', 'tsx'],
  stdio: 'inherit',
});
const urls = await new Promise<{ app: string; bare: string; dialect: string }>((resolve) =>
  child.once('message', (m) => resolve(m as { app: string; bare: string; dialect: string })),
);

async function run(title: string, url: string, body?: string, headers: Record<string, string> = {}) {
  const r = await autocannon({
    url,
    method: body === undefined ? 'GET' : 'POST',
    ...(body === undefined ? {} : { body }),
    headers: { ...(body === undefined ? {} : { 'content-type': 'application/json' }), ...headers },
    connections: CONNECTIONS,
    duration: DURATION,
    pipelining: 1,
  });
  const non2xx = r.non2xx + r.errors;
  console.log(
    `${title.padEnd(48)} ${r.requests.average.toFixed(0).padStart(7)} req/s   p50 ${r.latency.p50} ms   p99 ${r.latency.p99} ms${non2xx ? `   ${non2xx} errors/non-2xx` : ''}`,
  );
  return r;
}

console.log(
  `jifen HTTP benchmark — ${CONNECTIONS} connections, ${DURATION} s each, loopback, node ${process.version}, database ${urls.dialect}`,
);
await run('warm-up', `${urls.app}/api/v1/score`, profile);
const bare = await run('bare Fastify route (same machine, same run)', `${urls.bare}/bare`, '{}');
const full = await run('POST /api/v1/score (full explanations)', `${urls.app}/api/v1/score`, profile);
const lean = await run('POST /api/v1/score?explain=false', `${urls.app}/api/v1/score?explain=false`, profile);

// The officer's queue read: a clerk of 闵行, logged in (session cookie), on the demo world.
const login = await fetch(`${urls.app}/api/v1/auth/login`, {
  method: 'POST',
  headers: { 'content-type': 'application/json' },
  body: JSON.stringify({ username: 'clerk.mh', password: 'Jifen-Demo-2025' }),
});
const cookie = login.headers.getSetCookie()[0]!.split(';')[0]!;
const queue = await run(
  'GET /api/v1/districts/闵行/queue (clerk session)',
  `${urls.app}/api/v1/districts/${encodeURIComponent('闵行')}/queue`,
  undefined,
  { cookie },
);

for (const [name, r] of [
  ['score full', full],
  ['score lean', lean],
  ['queue read', queue],
] as const)
  console.log(
    `  ${name}: ${(r.requests.average / bare.requests.average).toFixed(2)}× the bare route${name.startsWith('score') ? `; goal ≥ 5 000 req/s at p99 < 25 ms: ${r.requests.average >= 5000 && r.latency.p99 < 25 ? 'met' : 'not met'}` : ''}`,
  );
child.send('stop');
