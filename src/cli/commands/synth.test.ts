import { existsSync, mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../../../test/cliRunner.js';
import { validateProfile } from '../../profile/validateProfile.js';

describe('jifen synth', { timeout: 60_000 }, () => {
  it('is deterministic: same seed, byte-identical output; --out writes the same bytes', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'jifen-synth-'));
    const [a, b, c] = await Promise.all([
      runCli(['synth', '--count', '500', '--seed', '7']),
      runCli(['synth', '--count', '500', '--seed', '7']),
      runCli(['synth', '--count', '500', '--seed', '7', '--out', join(dir, 'pop.jsonl')]),
    ]);
    expect(a.code).toBe(0);
    expect(a.stdout).toBe(b.stdout);
    expect(c.stdout).toBe('');
    expect(readFileSync(join(dir, 'pop.jsonl'), 'utf8')).toBe(a.stdout);
    expect(readdirSync(dir)).toEqual(['pop.jsonl']); // no temporary file left
    const lines = a.stdout.trimEnd().split('\n');
    expect(lines).toHaveLength(500);
    for (const l of lines.slice(0, 50)) {
      const h = JSON.parse(l);
      expect(Object.keys(h)).toEqual(['id', 'district', 'profile']);
      validateProfile(h.profile);
    }
    const other = await runCli(['synth', '--count', '500', '--seed', '8']);
    expect(other.stdout).not.toBe(a.stdout);
  });
  it('--as-of and --long-careers shape the population', async () => {
    const run = await runCli([
      'synth',
      '--count',
      '20',
      '--seed',
      '1',
      '--as-of',
      '2024-06-30',
      '--long-careers',
    ]);
    for (const l of run.stdout.trimEnd().split('\n')) {
      const p = JSON.parse(l).profile;
      expect(p.asOf).toBe('2024-06-30');
      expect(p.contributions[0].from <= '2014-06').toBe(true);
    }
  });
  it('bad options: exit 2 naming each, nothing written', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'jifen-synth-'));
    const out = join(dir, 'pop.jsonl');
    const run = await runCli([
      'synth',
      '--count',
      '-5',
      '--seed',
      'x',
      '--as-of',
      '2025-02-30',
      '--out',
      out,
    ]);
    expect(run.code).toBe(2);
    expect(run.stdout).toBe('');
    for (const p of ['--count', '--seed', '--as-of']) expect(run.stderr).toContain(p);
    expect(existsSync(out)).toBe(false);
    expect(readdirSync(dir)).toEqual([]);
    const noDir = await runCli([
      'synth',
      '--count',
      '5',
      '--seed',
      '1',
      '--out',
      join(dir, 'missing', 'pop.jsonl'),
    ]);
    expect(noDir.code).toBe(2);
    expect(noDir.stderr).toContain('--out');
  });
});
