import { testPolicy } from '../src/policy/testing/testPolicy.js';
import { describe, expect, it } from 'vitest';
import { score } from '../src/engine/score.js';
import { validateProfile } from '../src/profile/validateProfile.js';
import { runCli } from './cliRunner.js';
import { goldenCases } from './goldenCases.js';

const cases = goldenCases();

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
