import { existsSync } from 'node:fs';
import type { Kysely } from 'kysely';
import { composePolicy } from '../policy/composePolicy.js';
import type { PolicyData } from '../policy/PolicyData.js';
import { configFromEnv } from '../storage/config.js';
import type { Database } from '../storage/schema.js';

/** True when the environment names a database, or the default data folder holds one. */
export function cliHasDatabase(env: Record<string, string | undefined> = process.env): boolean {
  if (env.DATABASE_URL || env.JIFEN_DATA_DIR) return true;
  const config = configFromEnv(env);
  return config.dialect === 'sqlite' && existsSync(config.file);
}

/** A database not migrated yet holds no revision: the files are the whole data. */
const noRevisionTable = (error: unknown) => /no such table|does not exist/i.test(String(error));

/**
 * The CLI's policy snapshot, composed by the server's function (src/policy/composePolicy.ts):
 * rules/ alone, or — when the command is given the database (DATABASE_URL, JIFEN_DATA_DIR, or
 * ./data/jifen.sqlite as `npm start` leaves it) — rules/ with the administrator's stored
 * revisions merged, so that `jifen score` and `POST /api/v1/score` agree and name the same
 * `dataRevision`. Storage is imported only then: a plain `jifen score` stays fast.
 */
export async function cliPolicy(
  env: Record<string, string | undefined> = process.env,
  db?: Kysely<Database>,
): Promise<PolicyData> {
  const { listPolicyRevisions } = await import('../admin/policyRevisions.js');
  const fromDb = async (d: Kysely<Database>) => {
    try {
      return composePolicy({ revisions: await listPolicyRevisions(d) });
    } catch (error) {
      if (noRevisionTable(error)) return composePolicy();
      throw error;
    }
  };
  if (db) return fromDb(db);
  if (!cliHasDatabase(env)) return composePolicy();
  const { withDatabase } = await import('../storage/withDatabase.js');
  return withDatabase(({ db: d }) => fromDb(d), env);
}
