import { configFromEnv } from './config.js';
import { openDatabase, type DatabaseHandle } from './openDatabase.js';

/** Opens the database configured by the environment, runs `fn`, and always closes it (for CLI commands). */
export async function withDatabase<T>(
  fn: (handle: DatabaseHandle) => Promise<T>,
  env: Record<string, string | undefined> = process.env,
): Promise<T> {
  const handle = openDatabase(configFromEnv(env));
  try {
    return await fn(handle);
  } finally {
    await handle.close();
  }
}
