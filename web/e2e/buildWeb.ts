import { renameSync, rmSync } from 'node:fs';
import { build } from 'vite';

/**
 * Vitest global setup: the browser tests run against a fresh production build
 * of the web UI. Built beside web/dist and swapped in by rename, so a server
 * of another test run on this machine never sees a half-written directory.
 */
export default async function buildWeb(): Promise<void> {
  const web = new URL('..', import.meta.url).pathname;
  const fresh = `${web}.dist-${process.pid}`;
  // Vitest sets NODE_ENV=test, which would give React's and antd's development builds: test what ships.
  const nodeEnv = process.env.NODE_ENV;
  process.env.NODE_ENV = 'production';
  await build({
    configFile: `${web}vite.config.ts`,
    logLevel: 'warn',
    build: { outDir: fresh, emptyOutDir: true },
  }).finally(() => {
    process.env.NODE_ENV = nodeEnv;
  });
  const old = `${web}.dist-old-${process.pid}`;
  try {
    renameSync(`${web}dist`, old);
  } catch {
    // first build: nothing to move away
  }
  renameSync(fresh, `${web}dist`);
  rmSync(old, { recursive: true, force: true });
}
