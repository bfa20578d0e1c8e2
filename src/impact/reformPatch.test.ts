import { testPolicy } from '../policy/testing/testPolicy.js';
import { describe, expect, it } from 'vitest';
import { score } from '../engine/score.js';
import { validateProfile } from '../profile/validateProfile.js';
import { reformRuleSet } from './reformRuleSet.js';

const rules = testPolicy.rules;
const issuesOf = (text: string) => {
  try {
    reformRuleSet(text, rules);
  } catch (e) {
    return (e as { code: string; issues: { path: string }[] }).issues.map((i) => i.path);
  }
  throw new Error('accepted');
};

describe('reform as a rules-data patch', () => {
  const { rules: after } = reformRuleSet(
    [
      'name: 标准分值降至110分',
      'from: 2026-01-01',
      'citation: 测试方案 第一条',
      'parameters:',
      '  standard: 110',
      '  age: { max: 25 }',
    ].join('\n'),
    rules,
  );
  it('splits the entry in force at `from`: earlier dates keep the published value', () => {
    expect(after.at('2025-12-31').params.standard!.value).toBe(120);
    expect(after.at('2026-01-01').params.standard!.value).toBe(110);
    expect(after.at('2027-12-31').params.standard!.value).toBe(110);
    expect(after.at('2020-06-01').params.standard!.value).toBe(120);
  });
  it('merges a partial value over the value in force', () => {
    expect(after.at('2026-01-01').params.age!.value).toEqual({
      ...rules.at('2026-01-01').params.age!.value,
      max: 25,
    });
    expect(after.at('2025-12-31').params.age!.value.max).toBe(30);
  });
  it('cites the reform and carries a distinct data revision', () => {
    const p = after.at('2026-06-01').params.standard!;
    expect(p.citations.join()).toContain('标准分值降至110分');
    expect(p.citations.join()).toContain('测试方案 第一条');
    expect(p.from).toBe('2026-01-01');
    expect(after.revision).not.toBe(rules.revision);
    expect(after.revision.startsWith(rules.revision)).toBe(true);
  });
  it('changes scores only from `from`: a 112-point holder qualifies after, not before', () => {
    // 30 + 大专 50 + 4 years of insurance 12 … scored on both sides of the date.
    const base = {
      birthDate: '1995-01-20',
      education: [{ level: 'associate' }],
      contributions: [{ from: '2015-03', to: null, base: 6000 }],
    };
    const before = validateProfile({ ...base, asOf: '2025-12-15' });
    const later = validateProfile({ ...base, asOf: '2026-02-15' });
    expect(score(before, {}, after).standard).toBe(120);
    const r = score(later, {}, after);
    expect(r.standard).toBe(110);
    expect(r.items.find((i) => i.id === 'age')!.points).toBe(25);
    expect(r.qualified).toBe(r.total >= 110);
  });
  it('can lay new wage figures over the table: months after the last published one stop being provisional', () => {
    const { rules: w } = reformRuleSet(
      'name: 新社平\nfrom: 2026-07-01\nwages:\n  - { from: 2026-07, to: 2027-06, value: 13000 }\n',
      rules,
    );
    expect(w.wages.lastMonth).toBe(rules.wages.lastMonth + 12);
    const p = validateProfile({
      asOf: '2026-12-01',
      birthDate: '1990-01-01',
      contributions: [{ from: '2020-01', to: null, base: 30000 }],
    });
    expect(score(p, {}, rules).provisional).toBe(true);
    expect(score(p, {}, w).provisional).toBe(false);
  });
});

describe('a bad reform file names every key path', () => {
  it('unknown parameter, unknown nested key, wrong type, missing name', () => {
    expect(issuesOf('from: 2026-01-01\nparameters:\n  standerd: 110\n')).toEqual(
      expect.arrayContaining(['$.name', '$.parameters.standerd']),
    );
    expect(issuesOf('name: x\nfrom: 2026-01-01\nparameters:\n  age: { maxx: 25 }\n')).toEqual([
      '$.parameters.age.maxx',
    ]);
    expect(issuesOf('name: x\nfrom: 2026-01-01\nparameters:\n  age: { max: "25" }\n')).toEqual([
      '$.parameters.age.max',
    ]);
    expect(
      issuesOf('name: x\nfrom: 2026-01-01\nparameters:\n  insurance_base: { tiers: [{ minRatio: 1 }] }\n'),
    ).toEqual(expect.arrayContaining(['$.parameters.insurance_base.tiers[0].points']));
  });
  it('a date outside the policy versions, an impossible date, a gap in the wage table, not YAML', () => {
    expect(issuesOf('name: x\nfrom: 2030-01-01\n')).toEqual(['$.from']);
    expect(issuesOf('name: x\nfrom: 2026-02-30\n')).toEqual(['$.from']);
    expect(
      issuesOf('name: x\nfrom: 2026-01-01\nwages:\n  - { from: 2027-01, to: 2027-12, value: 13000 }\n'),
    ).toEqual(['$.wages[0].from']);
    expect(issuesOf('name: [x\n')).toEqual(['$']);
  });
});
