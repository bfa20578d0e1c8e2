/**
 * `npm start`: the whole system on this machine. Opens the database (embedded
 * SQLite in JIFEN_DATA_DIR, ./data by default, or PostgreSQL when DATABASE_URL is
 * set), migrates it, seeds the demo world on an empty database, and serves the API
 * on PORT (3000), printing the URL, where the data is and the demo accounts. On the
 * demo world the request log stays off the console (LOG_LEVEL=info turns it on) so
 * the banner stays in view. Graceful shutdown on SIGTERM/SIGINT.
 */
import { resolve } from 'node:path';
import { DEMO_PASSWORD, DEMO_TODAY, DEMO_UNIT_ID, seedDemo } from './demo/seedDemo.js';
import { renderCliError } from './cli/renderCliError.js';
import { buildServer } from './http/buildServer.js';
import { loadServerConfig } from './http/config.js';
import { PolicyStore } from './policy/PolicyStore.js';
import { postgresPlace, startBanner } from './startBanner.js';
import { dayClock } from './shared/dayClock.js';
import {
  configFromEnv,
  getUnit,
  hasAnyUnit,
  listLoginAccounts,
  migrateToLatest,
  openDatabase,
} from './storage/index.js';

try {
  const config = loadServerConfig();
  const storage = configFromEnv(process.env);
  const handle = openDatabase(storage);
  await migrateToLatest(handle.db);
  // The policy data: composed once here (rules/ plus the stored revisions) and held by the server.
  const policy = await PolicyStore.open(handle.db);
  // Only an empty database gets the demo world (a production database never does).
  const empty = !(await hasAnyUnit(handle.db));
  const seeded =
    empty && config.JIFEN_SEED_DEMO === 'true'
      ? await seedDemo(handle.db, policy.current, () => {})
      : undefined;
  const isDemoWorld = !!(await getUnit(handle.db, DEMO_UNIT_ID));
  const today =
    config.JIFEN_TODAY === 'real'
      ? undefined
      : (config.JIFEN_TODAY ?? (isDemoWorld ? DEMO_TODAY : undefined));
  // The demo's request log (thousands of lines) would push the account list out of view.
  const requestLog = !isDemoWorld || process.env.LOG_LEVEL !== undefined;
  const app = await buildServer({
    config: requestLog ? config : { ...config, LOG_LEVEL: 'warn' },
    db: handle.db,
    policy,
    readDb: handle.readDb,
    ...(today ? { clock: dayClock(today) } : {}),
    ready: async () => void (await hasAnyUnit(handle.db)),
    ...(handle.poolStats ? { poolStats: handle.poolStats } : {}),
  });
  const address = await app.listen({ port: config.PORT, host: config.HOST });
  // The banner lists every account but the holders', except the demo's first holder.
  const accounts = await listLoginAccounts(handle.db, ['holder1']);
  process.stdout.write(
    startBanner({
      address,
      data: storage.dialect === 'sqlite' ? `SQLite ${resolve(storage.file)}` : postgresPlace(storage.url),
      ...(today ? { today } : {}),
      ...(isDemoWorld ? { demo: { seeded: !!seeded, password: DEMO_PASSWORD, accounts } } : {}),
      ...(process.env.JIFEN_PUBLIC_URL ? { publicUrl: config.JIFEN_PUBLIC_URL } : {}),
      requestLog,
    }),
  );
  let closing = false;
  const shutdown = () => {
    if (closing) return;
    closing = true;
    setTimeout(() => process.exit(1), config.JIFEN_SHUTDOWN_GRACE * 1000).unref();
    void app
      .close()
      .catch((err: unknown) => app.log.error({ err }, 'shutdown: closing the server failed'))
      .then(async () => {
        await handle.close();
        process.exit(0);
      });
  };
  process.on('SIGTERM', shutdown);
  process.on('SIGINT', shutdown);
} catch (error) {
  if ((error as { code?: string }).code === 'EADDRINUSE') {
    process.stderr.write(
      `错误: 端口已被占用（${(error as { port?: number }).port ?? ''}），请用 PORT=… 指定其他端口。\n`,
    );
    process.exitCode = 2;
  } else process.exitCode = renderCliError(error);
}
