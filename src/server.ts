/**
 * The server process: validated configuration, the HTTP API, graceful shutdown
 * (in-flight requests finish; new ones get 503 while closing).
 */
import { loadServerConfig } from './http/config.js';
import { buildServer } from './http/buildServer.js';
import { renderCliError } from './cli/renderCliError.js';

try {
  const config = loadServerConfig();
  const app = await buildServer({ config });
  const address = await app.listen({ port: config.PORT, host: config.HOST });
  process.stdout.write(
    `jifen 已启动: ${address.replace('127.0.0.1', 'localhost')}  (API 文档 ${address}/api/docs)\n`,
  );
  let closing = false;
  const shutdown = (signal: string) => {
    if (closing) return;
    closing = true;
    app.log.info({ signal }, 'shutting down');
    const timer = setTimeout(() => process.exit(1), config.JIFEN_SHUTDOWN_GRACE * 1000);
    timer.unref();
    void app.close().then(() => process.exit(0));
  };
  process.on('SIGTERM', () => shutdown('SIGTERM'));
  process.on('SIGINT', () => shutdown('SIGINT'));
} catch (error) {
  process.exitCode = renderCliError(error);
}
