import { testPolicy } from '../policy/testing/testPolicy.js';
import { Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { score } from '../engine/score.js';
import { synthHolder } from '../synth/synthProfile.js';
import { reformRuleSet } from './reformRuleSet.js';
import { runImpact } from './runImpact.js';

const rules = testPolicy.rules;
const holders = Array.from({ length: 400 }, (_, i) => synthHolder(i, { seed: 11 }));
const text = (lines: string[]) => Readable.from([lines.join('\n') + '\n']);

describe('policy impact on a small synthetic population', () => {
  const { reform, rules: after } = reformRuleSet(
    'name: 标准分值降至110分\nfrom: 2025-01-01\nparameters:\n  standard: 110\n',
    rules,
  );
  it('a lower standard: counts before/after as the engine says, nobody crosses downwards', async () => {
    const r = await runImpact({
      input: text(holders.map((h) => JSON.stringify(h))),
      reform,
      before: rules,
      after,
    });
    const totals = holders.map((h) => score(h.profile, { explain: false }, testPolicy.rules));
    const q120 = totals.filter((t) => t.qualified).length;
    const q110 = totals.filter((t) => !t.vetoed && t.total >= 110).length;
    expect(r.population).toEqual({ lines: 400, profiles: 400 });
    expect(r.before.qualified).toBe(q120);
    expect(r.after.qualified).toBe(q110);
    expect(r.crossedUp).toBe(q110 - q120);
    expect(r.crossedDown).toBe(0);
    expect(r.changed).toBe(0); // totals do not move, only the standard
    expect(r.before.totalSum).toBe(totals.reduce((s, t) => s + t.total, 0));
    // Distribution: bands of 10 holding everyone, on both sides.
    expect(r.distribution.reduce((s, b) => s + b.before, 0)).toBe(400);
    expect(r.distribution.reduce((s, b) => s + b.after, 0)).toBe(400);
    for (const b of r.distribution)
      expect(b.before).toBe(totals.filter((t) => Math.floor(t.total / 10) * 10 === b.from).length);
    // Breakdowns add up.
    expect(r.byDistrict.reduce((s, g) => s + g.count, 0)).toBe(400);
    expect(r.byDistrict.reduce((s, g) => s + g.crossedUp, 0)).toBe(r.crossedUp);
    expect(r.byAgeBand.reduce((s, g) => s + g.qualifiedAfter, 0)).toBe(q110);
    expect(r.byDistrict.find((g) => g.key === holders[0]!.district)).toBeDefined();
  });
  it('a harsher age rule moves totals and crosses people downwards', async () => {
    const { reform: r2, rules: harsh } = reformRuleSet(
      'name: 年龄分上限20\nfrom: 2025-01-01\nparameters:\n  age: { max: 20 }\n',
      rules,
    );
    const r = await runImpact({
      input: text(holders.map((h) => JSON.stringify(h))),
      reform: r2,
      before: rules,
      after: harsh,
    });
    const expected = holders.filter(
      (h) =>
        score(h.profile, { explain: false }, testPolicy.rules).qualified &&
        !score(h.profile, { explain: false }, harsh).qualified,
    ).length;
    expect(r.crossedDown).toBe(expected);
    expect(r.crossedDown).toBeGreaterThan(0);
    expect(r.crossedUp).toBe(0);
    expect(r.after.totalSum).toBeLessThan(r.before.totalSum);
  });
  it('a reform from a date after every asOf changes nothing', async () => {
    const { reform: r3, rules: later } = reformRuleSet(
      'name: 以后\nfrom: 2027-01-01\nparameters:\n  standard: 100\n',
      rules,
    );
    const r = await runImpact({
      input: text(holders.map((h) => JSON.stringify(h))),
      reform: r3,
      before: rules,
      after: later,
    });
    expect(r.after).toEqual(r.before);
  });
  it('accepts bare profiles and blank lines; the district falls back to 未注明', async () => {
    const r = await runImpact({
      input: text(['', JSON.stringify(holders[0]!.profile), '  ']),
      reform,
      before: rules,
      after,
    });
    expect(r.population).toEqual({ lines: 3, profiles: 1 });
    expect(r.byDistrict[0]!.key).toBe('未注明');
  });
  it('bad lines: every one listed with its line number and JSON paths, no report', async () => {
    const lines = holders.slice(0, 5).map((h) => JSON.stringify(h));
    lines[1] = '{"id":"x","district":"浦东新区","profile":{"asOf":"2025-02-30","birthDate":"1990-01-01"}}';
    lines[3] = 'not json';
    lines.push(JSON.stringify({ asOf: '2030-01-01', birthDate: '1990-01-01' }));
    lines.push(
      JSON.stringify({
        id: 'y',
        district: 1,
        extra: true,
        profile: { asOf: '2025-01-01', birthDate: '1990-01-01', foo: 1 },
      }),
    );
    lines.push(JSON.stringify({ id: 'z', profile: { asOf: '2012-01-01', birthDate: '1990-01-01' } }));
    const err = await runImpact({ input: text(lines), reform, before: rules, after }).catch(
      (e: unknown) => e as { code: string; issues: { path: string }[] },
    );
    expect((err as { code: string }).code).toBe('validation_failed');
    const paths = (err as { issues: { path: string }[] }).issues.map((i) => i.path);
    expect(paths).toEqual([
      '第 2 行 $.profile.asOf',
      '第 4 行 $',
      '第 6 行 $.asOf',
      '第 7 行 $.extra',
      '第 7 行 $.district',
      '第 7 行 $.profile.foo',
      '第 8 行 $.profile.asOf',
    ]);
  });
});
