/**
 * The server under load for `bench/http.bench.ts`, in its own process (so the
 * load generator and the server each get a core): the real app on the demo world
 * (embedded SQLite in a temp dir, or PostgreSQL with DATABASE_URL), plus a bare
 * Fastify route on another port measured in the same run for the ratio.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Fastify from 'fastify';
import { DEMO_TODAY, seedDemo } from '../src/demo/seedDemo.js';
import { buildServer } from '../src/http/buildServer.js';
import { loadServerConfig } from '../src/http/config.js';
import { configFromEnv, migrateToLatest, openDatabase } from '../src/storage/index.js';
import { PolicyStore } from '../src/policy/PolicyStore.js';

const env = { ...process.env };
if (!env.DATABASE_URL) env.JIFEN_DATA_DIR = mkdtempSync(join(tmpdir(), 'jifen-http-bench-'));
const handle = openDatabase(configFromEnv(env));
await migrateToLatest(handle.db);
const policy = await PolicyStore.open(handle.db);
await seedDemo(handle.db, policy.current);
const app = await buildServer({
  policy,
  config: loadServerConfig({ LOG_LEVEL: 'silent' }),
  logger: false,
  db: handle.db,
  clock: () => `${DEMO_TODAY}T02:00:00.000Z`,
  loginPerMinute: 1_000_000,
  // BENCH_RENDER_THREADS=0 renders PDFs and plans on the event loop (the "before" of bench/renderLoad.bench.ts).
  ...(process.env.BENCH_RENDER_THREADS ? { renderThreads: Number(process.env.BENCH_RENDER_THREADS) } : {}),
});
const bare = Fastify({ logger: false });
bare.post('/bare', async () => ({ ok: true }));
const a = await app.listen({ port: 0, host: '127.0.0.1' });
const b = await bare.listen({ port: 0, host: '127.0.0.1' });
process.send?.({ app: a, bare: b, dialect: handle.dialect });
process.on('message', async (m) => {
  if (m === 'stop') {
    await app.close();
    await bare.close();
    await handle.close();
    process.exit(0);
  }
});
