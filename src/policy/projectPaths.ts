import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * The repository folder, found by walking up from this module to the folder that
 * holds `rules/versions.yaml`: the same answer from the TypeScript sources
 * (src/policy/) and from the compiled CLI (dist/), whatever the working directory.
 */
function findProjectRoot(start: string): string {
  for (let dir = start; ; dir = dirname(dir)) {
    if (existsSync(join(dir, 'rules', 'versions.yaml'))) return dir;
    if (dirname(dir) === dir) throw new Error(`rules/versions.yaml not found above ${start}`);
  }
}

export const PROJECT_ROOT = findProjectRoot(dirname(fileURLToPath(import.meta.url)));

/** The reviewed policy data shipped with the code (rules/). */
export const RULES_DIR = join(PROJECT_ROOT, 'rules');

/** The official working-day calendar, one file a year. */
export const CALENDAR_DIR = join(RULES_DIR, 'calendars', 'cn');

/** The versioned Chinese texts of every message (src/notify/templates.yaml). */
export const TEMPLATES_FILE = join(PROJECT_ROOT, 'src', 'notify', 'templates.yaml');

/**
 * Where the compiled CLI keeps validated policy data by content hash (src/rules/loadRulesData.ts):
 * a folder of its own per build (scripts/buildCli.mjs names each build), so data validated by
 * other code are never trusted; undefined when running from the sources.
 */
const CLI_BUILD = (globalThis as { JIFEN_CLI_BUILD?: string }).JIFEN_CLI_BUILD;
export const POLICY_CACHE_DIR = CLI_BUILD ? join(PROJECT_ROOT, 'dist', 'cli', 'cache', CLI_BUILD) : undefined;
