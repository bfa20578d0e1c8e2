import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { Kysely } from 'kysely';
import type { PolicyData } from '../policy/PolicyData.js';
import { POLICY_CACHE_DIR, RULES_DIR } from '../policy/projectPaths.js';
import { RuleSet } from '../rules/RuleSet.js';
import { readCachedRulesData, rulesCacheFile } from '../rules/rulesDataCache.js';
import type { Database } from '../storage/schema.js';

/**
 * The storage settings of the environment (read and checked by src/storage/config.ts). With none
 * set, the database is `./data/jifen.sqlite` when it exists (configFromEnv's default, pinned by
 * src/cli/cliPolicy.test.ts): known without loading the settings' schema.
 */
const STORAGE_SETTING = /^(DATABASE_|JIFEN_DB_|JIFEN_DATA_DIR$|JIFEN_SQLITE_)/;
export const DEFAULT_SQLITE_FILE = join('./data', 'jifen.sqlite');

/** True when the environment names a database, or the default data folder holds one. */
export async function cliHasDatabase(
  env: Record<string, string | undefined> = process.env,
): Promise<boolean> {
  if (env.DATABASE_URL || env.JIFEN_DATA_DIR) return true;
  if (!Object.keys(env).some((k) => STORAGE_SETTING.test(k) && env[k] !== undefined && env[k] !== ''))
    return existsSync(DEFAULT_SQLITE_FILE);
  // Other storage settings are checked as the server checks them (a bad one is named).
  const { configFromEnv } = await import('../storage/config.js');
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
 * `dataRevision`. Storage and the loaders are imported only when used: a plain `jifen score`
 * stays fast.
 */
export async function cliPolicy(
  env: Record<string, string | undefined> = process.env,
  db?: Kysely<Database>,
): Promise<PolicyData> {
  const { composePolicy } = await import('../policy/composePolicy.js');
  const fromDb = async (d: Kysely<Database>) => {
    const { listPolicyRevisions } = await import('../storage/policyRevisionRepository.js');
    try {
      return composePolicy({ revisions: await listPolicyRevisions(d) });
    } catch (error) {
      if (noRevisionTable(error)) return composePolicy();
      throw error;
    }
  };
  if (db) return fromDb(db);
  if (!(await cliHasDatabase(env))) return composePolicy();
  const { withDatabase } = await import('../storage/withDatabase.js');
  return withDatabase(({ db: d }) => fromDb(d), env);
}

/**
 * The rule set of cliPolicy, for the commands that need nothing else (`jifen score`, issue 13:
 * start-up under 150 ms). With no database and the rules data cached by the compiled CLI (from
 * these very bytes), it is `composePolicy().rules` read straight from the cache — composePolicy
 * reads the same cache file and, with no revision, builds the same RuleSet over it — without
 * loading YAML, the schemas or the other loaders; in every other case it is cliPolicy's.
 */
export async function cliRules(env: Record<string, string | undefined> = process.env): Promise<RuleSet> {
  if (POLICY_CACHE_DIR && !(await cliHasDatabase(env))) {
    const cached = readCachedRulesData(rulesCacheFile(RULES_DIR, POLICY_CACHE_DIR));
    if (cached) return new RuleSet(cached);
  }
  return (await cliPolicy(env)).rules;
}
