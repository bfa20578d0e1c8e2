/**
 * The server under load for `bench/http.bench.ts`, in its own process (so the
 * load generator and the server each get a core): the real app, plus a bare
 * Fastify route on another port measured in the same run for the ratio.
 */
import Fastify from 'fastify';
import { buildServer } from '../src/http/buildServer.js';
import { loadServerConfig } from '../src/http/config.js';

const app = await buildServer({ config: loadServerConfig({ LOG_LEVEL: 'silent' }), logger: false });
const bare = Fastify({ logger: false });
bare.post('/bare', async () => ({ ok: true }));
const a = await app.listen({ port: 0, host: '127.0.0.1' });
const b = await bare.listen({ port: 0, host: '127.0.0.1' });
process.send?.({ app: a, bare: b });
process.on('message', async (m) => {
  if (m === 'stop') {
    await app.close();
    await bare.close();
    process.exit(0);
  }
});
