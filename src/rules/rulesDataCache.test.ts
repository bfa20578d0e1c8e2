import { appendFileSync, cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { RULES_DIR } from '../policy/projectPaths.js';
import { loadRulesData } from './loadRulesData.js';
import { readCachedRulesData, rulesCacheFile } from './rulesDataCache.js';

const dir = mkdtempSync(join(tmpdir(), 'jifen-rules-cache-'));
const rules = join(dir, 'rules');
const cache = join(dir, 'cache');
cpSync(RULES_DIR, rules, { recursive: true });
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('the compiled CLI cache of validated rules data', () => {
  it('is read back as the data validated from the same bytes', () => {
    const data = loadRulesData(rules, cache);
    expect(readCachedRulesData(rulesCacheFile(rules, cache))).toEqual(data);
    expect(loadRulesData(rules, cache)).toEqual(data);
  });

  it('is missed when any file read changes, the renderings included', () => {
    for (const file of ['renderings.yaml', 'wages.yaml', 'parameters/age.yaml']) {
      const before = rulesCacheFile(rules, cache);
      appendFileSync(join(rules, file), '\n# edited\n');
      expect(rulesCacheFile(rules, cache), file).not.toBe(before);
    }
  });
});
