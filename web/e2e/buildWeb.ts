import { build } from 'vite';

/** Vitest global setup: the browser tests run against a fresh production build of the web UI. */
export default async function buildWeb(): Promise<void> {
  await build({ configFile: new URL('../vite.config.ts', import.meta.url).pathname, logLevel: 'warn' });
}
