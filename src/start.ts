/**
 * `npm start`: the whole system on this machine. Opens the database (embedded
 * SQLite in ./data, or PostgreSQL when DATABASE_URL is set), migrates it, seeds
 * the demo world on an empty database, and serves the API on PORT (3000),
 * printing the URL and the demo accounts. Graceful shutdown on SIGTERM/SIGINT.
 */
import { DEMO_PASSWORD, DEMO_TODAY, DEMO_UNIT_ID, seedDemo } from './cases/demo/seedDemo.js';
import { renderCliError } from './cli/renderCliError.js';
import { buildServer } from './http/buildServer.js';
import { loadServerConfig } from './http/config.js';
import { PolicyStore } from './policy/PolicyStore.js';
import { dayClock } from './shared/dayClock.js';
import { configFromEnv, migrateToLatest, openDatabase } from './storage/index.js';

try {
  const config = loadServerConfig();
  const storage = configFromEnv(process.env);
  const handle = openDatabase(storage);
  await migrateToLatest(handle.db);
  // The policy data: composed once here (rules/ plus the stored revisions) and held by the server.
  const policy = await PolicyStore.open(handle.db);
  // Only an empty database gets the demo world (a production database never does).
  const empty = !(await handle.db.selectFrom('units').select('id').limit(1).executeTakeFirst());
  const seeded =
    empty && config.JIFEN_SEED_DEMO === 'true'
      ? await seedDemo(handle.db, policy.current, () => {})
      : undefined;
  const isDemoWorld = !!(await handle.db
    .selectFrom('units')
    .select('id')
    .where('id', '=', DEMO_UNIT_ID)
    .executeTakeFirst());
  const today =
    config.JIFEN_TODAY === 'real'
      ? undefined
      : (config.JIFEN_TODAY ?? (isDemoWorld ? DEMO_TODAY : undefined));
  const app = await buildServer({
    config,
    db: handle.db,
    policy,
    readDb: handle.readDb,
    ...(today ? { clock: dayClock(today) } : {}),
    ready: async () => void (await handle.db.selectFrom('units').select('id').limit(1).execute()),
    ...(handle.poolStats ? { poolStats: handle.poolStats } : {}),
  });
  const address = await app.listen({ port: config.PORT, host: config.HOST });
  const accounts = await handle.db
    .selectFrom('users')
    .select(['username', 'role', 'district'])
    .where((eb) => eb.or([eb('role', '!=', 'holder'), eb('username', '=', 'holder1')]))
    .orderBy('username')
    .execute();
  const out = [
    '',
    `jifen 已启动 (${handle.dialect === 'sqlite' ? 'SQLite ./data' : 'PostgreSQL'}): 网页与 API ${address.replace('127.0.0.1', 'localhost')}`,
    `  API 文档  ${address}/api/docs`,
    ...(today ? [`  业务日期  ${today}（演示时钟；JIFEN_TODAY=real 使用真实日期）`] : []),
    ...(isDemoWorld
      ? [
          `  ${seeded ? '已建立演示数据' : '演示数据已存在'}；演示账号（密码均为 ${DEMO_PASSWORD}，仅用于演示）：`,
          ...accounts.map((a) => `    ${a.username.padEnd(16)} ${a.role.padEnd(18)} ${a.district ?? ''}`),
        ]
      : []),
    '',
  ];
  process.stdout.write(out.join('\n'));
  let closing = false;
  const shutdown = () => {
    if (closing) return;
    closing = true;
    setTimeout(() => process.exit(1), config.JIFEN_SHUTDOWN_GRACE * 1000).unref();
    void app.close().then(async () => {
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
