import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runCli } from '../../test/cliRunner.js';
import { score } from '../engine/score.js';
import { testPolicy } from '../policy/testing/testPolicy.js';
import { PROJECT_ROOT } from '../policy/projectPaths.js';
import { validateProfile } from '../profile/validateProfile.js';
import { isJifenError } from '../shared/errors.js';
import { configFromEnv } from '../storage/config.js';
import { cliHasDatabase, cliRules, DEFAULT_SQLITE_FILE } from './cliPolicy.js';

const empty = mkdtempSync(join(tmpdir(), 'jifen-cli-policy-'));
afterAll(() => rmSync(empty, { recursive: true, force: true }));

describe('the CLI policy without loading the storage settings (issue 13: start-up)', () => {
  it("knows configFromEnv's default database file", () => {
    const config = configFromEnv({});
    expect(config.dialect === 'sqlite' && config.file).toBe(DEFAULT_SQLITE_FILE);
  });

  it('a named database counts; another storage setting is still checked as the server checks it', async () => {
    expect(await cliHasDatabase({ DATABASE_URL: 'postgres://u@h/db' })).toBe(true);
    expect(await cliHasDatabase({ JIFEN_DATA_DIR: empty })).toBe(true);
    const bad = await cliHasDatabase({ JIFEN_DB_POOL_MAX: 'many' }).catch((e: unknown) => e);
    expect(isJifenError(bad) && bad.issues[0]!.path).toBe('JIFEN_DB_POOL_MAX');
  });

  it('cliRules is the rule set of the composed snapshot', async () => {
    const rules = await cliRules({});
    expect(rules.revision).toBe(testPolicy.rules.revision);
    expect(rules.data).toEqual(testPolicy.rules.data);
  });
});

describe('the compiled CLI on its cached rules data', { timeout: 60_000 }, () => {
  it('answers, cache filled or read, the bytes the composed snapshot gives in process', async () => {
    const text = readFileSync(join(PROJECT_ROOT, 'examples/profile.json'), 'utf8');
    const expected = `${JSON.stringify(score(validateProfile(JSON.parse(text)), {}, testPolicy.rules), null, 2)}\n`;
    // From an empty folder: no ./data database, the files alone are the data.
    for (let run = 0; run < 2; run++) {
      const out = await runCli(['score', '-', '--format', 'json'], { input: text, cwd: empty });
      expect(out.stderr).toBe('');
      expect(out.stdout).toBe(expected);
    }
  });
});
