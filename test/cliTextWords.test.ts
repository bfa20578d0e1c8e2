/**
 * The program-words check over the CLI's text outputs (issue 14). Excluded, as the
 * issue says: --help and --format json. Allowed terms: test/programWords.ts.
 */
import { describe, expect, it } from 'vitest';
import { runCli } from './cliRunner.js';
import { programWords } from './programWords.js';

const RUNS: string[][] = [
  ['score', 'examples/profile.json'],
  ['plan', 'examples/profile.json', '--horizon', '24'],
  ['check', 'examples/profile.json'],
  ['checklist', 'examples/profile.json'],
  ['rules', '--at', '2026-01-01'],
];

describe('CLI text outputs read as Chinese', () => {
  it('no program identifier or English sentence in any text output', { timeout: 120_000 }, async () => {
    const found: string[] = [];
    for (const args of RUNS) {
      const r = await runCli(args);
      for (const w of programWords(`${r.stdout}\n${r.stderr}`)) found.push(`jifen ${args.join(' ')}：${w}`);
    }
    expect(found).toEqual([]);
  });
});
