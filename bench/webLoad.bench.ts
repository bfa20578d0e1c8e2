/**
 * `npm run bench:web` — page-load figures of the simulator (/simulate) on a
 * throttled profile: Debian chromium (playwright-core) with CDP network
 * throttling ("Fast 3G": 1.6 Mbps down, 750 kbps up, 150 ms RTT) and 4× CPU
 * slowdown, cache disabled (a first visit). Reports DOMContentLoaded, load, the
 * time until the profile form is interactive (its first field in the DOM and
 * enabled), the time until the first result after typing, and the bytes
 * transferred by type; then the JS bytes of each role's chunk in web/dist, to
 * show the code split. BENCH_RUNS (default 5) cold loads; medians are printed.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { chromium } from 'playwright-core';
import { build } from 'vite';
import { startTestServer } from '../src/http/testing/startTestServer.js';
import { createTestDatabase } from '../src/storage/testing/createTestDatabase.js';

const RUNS = Number(process.env.BENCH_RUNS ?? 5);
const CHROMIUM = process.env.JIFEN_CHROMIUM ?? '/usr/bin/chromium';
const WEB = new URL('../web/', import.meta.url).pathname;
const FAST_3G = {
  offline: false,
  latency: 150,
  downloadThroughput: (1.6 * 1024 * 1024) / 8,
  uploadThroughput: (750 * 1024) / 8,
};

// A production build (a NODE_ENV left at 'test' or 'development' would give React's and antd's dev builds).
const env = process.env.NODE_ENV;
process.env.NODE_ENV = 'production';
await build({ configFile: join(WEB, 'vite.config.ts'), logLevel: 'warn', mode: 'production' });
process.env.NODE_ENV = env;
const testDb = await createTestDatabase('sqlite');
const server = await startTestServer({ db: testDb.db });
const browser = await chromium.launch({
  executablePath: CHROMIUM,
  args: ['--no-sandbox', '--disable-dev-shm-usage', '--disable-gpu'],
});

interface Run {
  dcl: number;
  load: number;
  interactive: number;
  firstResult: number;
  bytes: Record<string, number>;
  requests: number;
}

async function coldLoad(): Promise<Run> {
  const ctx = await browser.newContext({ locale: 'zh-CN', viewport: { width: 390, height: 844 } });
  const page = await ctx.newPage();
  // Records when the form's first field exists and is enabled (the simulator is usable).
  await page.addInitScript(() => {
    const w = window as unknown as { __interactive?: number };
    const obs = new MutationObserver(() => {
      const el = document.getElementById('profile_birthDate') as HTMLInputElement | null;
      if (el && !el.disabled) {
        w.__interactive = performance.now();
        obs.disconnect();
      }
    });
    obs.observe(document, { childList: true, subtree: true });
  });
  const cdp = await ctx.newCDPSession(page);
  await cdp.send('Network.enable');
  await cdp.send('Network.setCacheDisabled', { cacheDisabled: true });
  await cdp.send('Network.emulateNetworkConditions', FAST_3G);
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: 4 });
  const typeOf = new Map<string, string>();
  const bytes: Record<string, number> = {};
  let requests = 0;
  cdp.on('Network.responseReceived', (e) => typeOf.set(e.requestId, e.type));
  cdp.on('Network.loadingFinished', (e) => {
    const t = typeOf.get(e.requestId) ?? 'Other';
    bytes[t] = (bytes[t] ?? 0) + e.encodedDataLength;
    requests++;
  });
  const failed: string[] = [];
  page.on('response', (r) => {
    if (r.status() >= 400 && r.url().includes('/assets/')) failed.push(`${r.status()} ${r.url()}`);
  });
  await page.goto(`${server.url}/simulate`, { waitUntil: 'load', timeout: 300_000 });
  // web/dist is shared: someone rebuilding it mid-run would make this run meaningless.
  if (failed.length)
    throw new Error(`assets missing (web/dist rebuilt during the run?): ${failed.join(', ')}`);
  await page.waitForFunction(() => (window as unknown as { __interactive?: number }).__interactive, null, {
    timeout: 300_000,
  });
  const nav = await page.evaluate(() => {
    const n = performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming;
    return {
      dcl: n.domContentLoadedEventEnd,
      load: n.loadEventEnd,
      interactive: (window as unknown as { __interactive: number }).__interactive,
    };
  });
  // Time from the last keystroke to the total on screen (debounce + POST /api/v1/score + render).
  await page.getByLabel('出生日期').fill('1990-05-01');
  const t0 = await page.evaluate(() => performance.now());
  await page.getByTestId('score-total').waitFor({ timeout: 300_000 });
  const firstResult = (await page.evaluate(() => performance.now())) - t0;
  await ctx.close();
  return { ...nav, firstResult, bytes, requests };
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const kb = (n: number) => `${(n / 1024).toFixed(1)} KB`;

try {
  const runs: Run[] = [];
  for (let i = 0; i < RUNS; i++) runs.push(await coldLoad());
  const m = (f: (r: Run) => number) => median(runs.map(f));
  console.log(`/simulate, cold cache, Fast 3G (1.6 Mbps, 150 ms RTT) + 4× CPU, ${RUNS} runs, medians:`);
  console.log(`  DOMContentLoaded           ${m((r) => r.dcl).toFixed(0)} ms`);
  console.log(`  load                       ${m((r) => r.load).toFixed(0)} ms`);
  console.log(`  form interactive           ${m((r) => r.interactive).toFixed(0)} ms`);
  console.log(
    `  first result after typing  ${m((r) => r.firstResult).toFixed(0)} ms (350 ms debounce included)`,
  );
  const types = [...new Set(runs.flatMap((r) => Object.keys(r.bytes)))].sort();
  const total = m((r) => Object.values(r.bytes).reduce((a, b) => a + b, 0));
  console.log(`  transferred                ${kb(total)} in ${m((r) => r.requests)} requests`);
  for (const t of types) console.log(`    ${t.padEnd(24)} ${kb(m((r) => r.bytes[t] ?? 0))}`);

  const assets = join(WEB, 'dist', 'assets');
  const files = readdirSync(assets).filter((f) => f.endsWith('.js'));
  const size = (f: string) => {
    const buf = readFileSync(join(assets, f));
    return { raw: statSync(join(assets, f)).size, gz: gzipSync(buf).length };
  };
  const ROLE_CHUNKS = [
    'SimulatorPage',
    'PlannerPage',
    'ChecklistPage',
    'PrecheckPage',
    'VerifyPage',
    'RulesPage',
    'HolderRoutes',
    'EmployerRoutes',
    'ClerkRoutes',
    'ReviewRoutes',
    'CityRoutes',
    'AdminRoutes',
  ];
  console.log('\nJS chunks in web/dist (raw / gzip):');
  let all = 0;
  for (const f of files) all += size(f).raw;
  for (const name of ROLE_CHUNKS) {
    const f = files.find((x) => x.startsWith(`${name}-`));
    if (!f) continue;
    const s = size(f);
    console.log(`  ${name.padEnd(24)} ${kb(s.raw).padStart(10)} / ${kb(s.gz).padStart(9)}`);
  }
  const shared = files.filter((f) => !ROLE_CHUNKS.some((n) => f.startsWith(`${n}-`)));
  const sharedRaw = shared.reduce((a, f) => a + size(f).raw, 0);
  const sharedGz = shared.reduce((a, f) => a + size(f).gz, 0);
  console.log(
    `  ${'entry + shared chunks'.padEnd(24)} ${kb(sharedRaw).padStart(10)} / ${kb(sharedGz).padStart(9)}`,
  );
  console.log(`  ${'all JS'.padEnd(24)} ${kb(all).padStart(10)}`);
} finally {
  await browser.close();
  await server.close();
  await testDb.destroy();
}
