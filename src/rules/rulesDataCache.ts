import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, readdirSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { RulesData } from './loadRulesData.js';

/**
 * The compiled CLI's cache of validated rules data (src/policy/projectPaths.ts: one folder per
 * build). Kept apart from the loader, with neither YAML nor a schema, so that a CLI run whose
 * data are cached loads neither (issue 13: start-up time); loadRulesData.ts fills it.
 */

/** Every file `parseRulesData` reads or lists (a file it lists but refuses changes the key too). */
const rulesFiles = (root: string): string[] => [
  'instruments.yaml',
  'versions.yaml',
  'wages.yaml',
  'renderings.yaml',
  ...readdirSync(join(root, 'parameters'))
    .sort()
    .map((f) => `parameters/${f}`),
];

/** The cache file of the rules folder as it is now: named by the content hash of every file. */
export function rulesCacheFile(root: string, cacheDir: string): string {
  const key = createHash('sha256');
  for (const file of rulesFiles(root)) key.update(file).update('\0').update(readFileSync(join(root, file)));
  return join(cacheDir, `rules-${key.digest('hex').slice(0, 24)}.json`);
}

/** The data validated earlier from these very bytes, or undefined. */
export function readCachedRulesData(file: string): RulesData | undefined {
  try {
    return JSON.parse(readFileSync(file, 'utf8')) as RulesData;
  } catch {
    return undefined;
  }
}

export function writeCachedRulesData(file: string, data: RulesData): void {
  try {
    mkdirSync(join(file, '..'), { recursive: true });
    const tmp = `${file}.${process.pid}`;
    writeFileSync(tmp, JSON.stringify(data));
    renameSync(tmp, file);
  } catch {
    // A read-only install parses every time: slower, never wrong.
  }
}
