/**
 * `npm run bench:load` — does anonymous PDF rendering starve the event loop?
 * Eight clients render the checklist PDF in a loop while /healthz and
 * POST /api/v1/score are measured (2 connections each); the same probes run
 * without the PDF load, and with the PDFs rendered on the event loop (no worker
 * pool), side by side in one run. Goals (issue 12): under the PDF load,
 * /healthz p99 < 50 ms and scoring p99 < 100 ms.
 */
import { fork } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import autocannon from 'autocannon';

const DURATION = Number(process.env.BENCH_SECONDS ?? 10);
const PDF_CLIENTS = 8;
const profile = readFileSync(fileURLToPath(new URL('../examples/profile.json', import.meta.url)), 'utf8');

async function startServer(renderThreads?: number) {
  const child = fork(fileURLToPath(new URL('./httpServer.ts', import.meta.url)), [], {
    execArgv: ['--max-semi-space-size=32', '--import', 'tsx'],
    stdio: 'inherit',
    env: {
      ...process.env,
      ...(renderThreads === undefined ? {} : { BENCH_RENDER_THREADS: String(renderThreads) }),
    },
  });
  const urls = await new Promise<{ app: string }>((resolve) =>
    child.once('message', (m) => resolve(m as { app: string })),
  );
  return { url: urls.app, stop: () => child.send('stop') };
}

const load = (url: string, path: string, connections: number, body?: string) =>
  autocannon({
    url: url + path,
    method: body === undefined ? 'GET' : 'POST',
    ...(body === undefined ? {} : { body, headers: { 'content-type': 'application/json' } }),
    connections,
    duration: DURATION,
  });

async function scenario(title: string, url: string, withPdfs: boolean) {
  const [health, score, pdf] = await Promise.all([
    load(url, '/healthz', 2),
    load(url, '/api/v1/score', 2, profile),
    withPdfs ? load(url, '/api/v1/checklist.pdf', PDF_CLIENTS, profile) : undefined,
  ]);
  const errs = (r: autocannon.Result) => r.non2xx + r.errors;
  console.log(
    `${title.padEnd(46)} healthz p99 ${String(health.latency.p99).padStart(5)} ms   score p99 ${String(score.latency.p99).padStart(5)} ms   ` +
      `score ${score.requests.average.toFixed(0).padStart(5)} req/s` +
      (pdf ? `   PDFs ${pdf.requests.average.toFixed(1)}/s (p99 ${pdf.latency.p99} ms)` : '') +
      (errs(health) + errs(score) + (pdf ? errs(pdf) : 0) ? '   errors/non-2xx!' : ''),
  );
  for (const [name, r] of [
    ['healthz', health],
    ['score', score],
    ['pdf', pdf],
  ] as const) {
    if (r && errs(r))
      console.log(
        `    ${name}: ${r.non2xx} non-2xx, ${r.errors} errors, ${r.timeouts} timeouts; status codes ${JSON.stringify(r.statusCodeStats)}`,
      );
  }
  return { health: health.latency.p99, score: score.latency.p99 };
}

console.log(
  `jifen render load — ${PDF_CLIENTS} PDF clients, ${DURATION} s per scenario, node ${process.version}`,
);
const pooled = await startServer();
await load(pooled.url, '/api/v1/checklist.pdf', 2, profile); // warm the workers and the fonts
const quiet = await scenario('no PDF load (worker pool)', pooled.url, false);
const busy = await scenario(`${PDF_CLIENTS} clients rendering PDFs (worker pool)`, pooled.url, true);
pooled.stop();
const inline = await startServer(0);
await load(inline.url, '/api/v1/checklist.pdf', 2, profile);
const before = await scenario(`${PDF_CLIENTS} clients rendering PDFs (event loop)`, inline.url, true);
inline.stop();
console.log(
  `  with the pool under PDF load: healthz p99 ${busy.health} ms (goal < 50: ${busy.health < 50 ? 'met' : 'not met'}), ` +
    `score p99 ${busy.score} ms (goal < 100: ${busy.score < 100 ? 'met' : 'not met'}); ` +
    `without load ${quiet.health} / ${quiet.score} ms; on the event loop ${before.health} / ${before.score} ms`,
);
