/**
 * One server instance for `npm run bench:scale`: the real app (buildServer, the
 * same routes, auth and metrics as `npm start`) on DATABASE_URL, without the
 * demo seed, logging off, on the world's fixed clock (the seeded city's today,
 * so that deadlines and wage figures are those of the data). Prints its URL.
 */
import { buildServer } from '../../src/http/buildServer.js';
import { loadServerConfig } from '../../src/http/config.js';
import { configFromEnv, openDatabase } from '../../src/storage/index.js';
import { WORLD_TODAY } from './caseTemplates.js';

const handle = openDatabase(configFromEnv(process.env));
const app = await buildServer({
  config: loadServerConfig({ ...process.env, LOG_LEVEL: 'silent' }),
  logger: false,
  db: handle.db,
  readDb: handle.readDb,
  clock: () => `${WORLD_TODAY}T02:00:00.000Z`,
  ready: async () => void (await handle.db.selectFrom('units').select('id').limit(1).execute()),
  poolStats: handle.poolStats,
});
const address = await app.listen({ port: Number(process.env.PORT ?? 0), host: '127.0.0.1' });
process.stdout.write(`listening ${address}\n`);
const stop = () => void app.close().then(() => handle.close().then(() => process.exit(0)));
process.on('SIGTERM', stop);
process.on('SIGINT', stop);
