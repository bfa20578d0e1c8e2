import { testPolicy } from '../src/policy/testing/testPolicy.js';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { score } from '../src/engine/score.js';
import { validateProfile } from '../src/profile/validateProfile.js';
import { REPO, runCli } from './cliRunner.js';

interface GoldenCase {
  name: string;
  profile: unknown;
  expected: {
    rulesVersion: string;
    total: number;
    qualified: boolean;
    vetoed: boolean;
    vetoes: string[];
    provisional: boolean;
    items: Record<string, number>;
  };
}

const dirs = [join(REPO, 'test/golden'), join(REPO, 'docs/spec/cases')].filter((d) => existsSync(d));
const cases = dirs.flatMap((dir) =>
  readdirSync(dir)
    .filter((f) => f.endsWith('.json'))
    .sort()
    .map((f) => ({
      file: join(dir, f),
      label: `${dir.includes('spec') ? 'spec' : 'repo'}/${f}`,
      c: JSON.parse(readFileSync(join(dir, f), 'utf8')) as GoldenCase,
    })),
);

const summary = (r: ReturnType<typeof score>) => ({
  rulesVersion: r.rulesVersion,
  total: r.total,
  qualified: r.qualified,
  vetoed: r.vetoed,
  vetoes: r.vetoes,
  provisional: r.provisional,
  items: Object.fromEntries(r.items.map((i) => [i.id, i.points])),
});

describe('golden cases through the engine', () => {
  it('has cases to run', () => expect(cases.length).toBeGreaterThanOrEqual(16));
  for (const { label, c } of cases) {
    it(`${label}: ${c.name}`, () => {
      const r = score(validateProfile(c.profile), {}, testPolicy.rules);
      expect(summary(r)).toEqual(c.expected);
      expect(r.items.reduce((s, i) => s + i.points, 0)).toBe(r.total);
    });
  }
});

describe('golden cases through ./bin/jifen score FILE --format json', () => {
  for (const { label, file, c } of cases) {
    it(`${label}`, async () => {
      const run = await runCli(['score', file, '--format', 'json']);
      expect(run.stderr).toBe('');
      expect(run.code).toBe(0);
      expect(summary(JSON.parse(run.stdout))).toEqual(c.expected);
    });
  }
});
