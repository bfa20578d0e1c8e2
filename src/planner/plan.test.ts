import { testPolicy } from '../policy/testing/testPolicy.js';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { score } from '../engine/score.js';
import type { Profile } from '../profile/profileSchema.js';
import { validateProfile, validateProfileOrCase } from '../profile/validateProfile.js';
import { indexToFirstOfMonth, monthIndexOf } from '../shared/dates.js';
import { REPO } from '../../test/cliRunner.js';
import { plan } from './plan.js';

const rules = testPolicy.rules;

/** The golden profiles, as test/golden.test.ts finds them (the spec corpus and the project's own). */
const dirs = [join(REPO, 'test/golden'), join(REPO, 'docs/spec/cases')].filter((d) => existsSync(d));
const golden = dirs.flatMap((dir) =>
  readdirSync(dir)
    .filter((f) => f.endsWith('.json'))
    .sort()
    .map((f) => ({
      name: `${dir.includes('shared') ? 'shared' : 'repo'}/${f}`,
      profile: validateProfileOrCase(JSON.parse(readFileSync(join(dir, f), 'utf8'))),
    })),
);

/** Independently: the engine stepped month by month (asOf, then the 1st of each later month). */
function stepEngine(profile: Profile, months: number) {
  const m0 = monthIndexOf(profile.asOf);
  const out = [];
  for (let k = 0; k <= months; k++) {
    const date = k === 0 ? profile.asOf : indexToFirstOfMonth(m0 + k);
    const r = score({ ...profile, asOf: date }, { assumeRulesContinue: true }, testPolicy.rules);
    out.push({ date, total: r.total, qualified: r.qualified, provisional: r.provisional });
  }
  return out;
}

describe('baseline: the engine stepped month by month', () => {
  it('has golden profiles to project', () => expect(golden.length).toBeGreaterThanOrEqual(16));
  for (const { name, profile } of golden)
    it(`${name}: timeline and reachesStandardOn agree with the engine`, () => {
      const p = plan(profile, {}, testPolicy);
      const steps = stepEngine(profile, 120);
      expect(p.baseline.timeline).toHaveLength(121);
      expect(p.baseline.timeline.map((t) => [t.date, t.total, t.provisional === true])).toEqual(
        steps.map((s) => [s.date, s.total, s.provisional]),
      );
      // The first point is the asOf itself and equals the current score.
      expect(p.baseline.timeline[0]).toMatchObject({ date: profile.asOf, total: p.current.total });
      expect(p.current).toEqual(score(profile, {}, testPolicy.rules));
      const first = steps.find((s) => s.qualified);
      expect(p.baseline.reachesStandardOn).toBe(first ? first.date : null);
      if (p.current.qualified) expect(p.baseline.reachesStandardOn).toBe(profile.asOf);
    });
});

describe('plan contract', () => {
  const p = plan(golden[0]!.profile, { horizonMonths: 6 }, testPolicy);
  it('has the fields of profile.md (Plan)', () => {
    expect(Object.keys(p)).toEqual([
      'contract',
      'asOf',
      'standard',
      'horizonMonths',
      'current',
      'baseline',
      'options',
      'warnings',
    ]);
    expect(p.contract).toBe(1);
    expect(p.standard).toBe(120);
    expect(p.baseline.timeline).toHaveLength(7);
  });
  it('rejects a horizon out of range, naming the path', () => {
    for (const h of [0, -1, 1.5, 601])
      expect(() => plan(golden[0]!.profile, { horizonMonths: h }, testPolicy)).toThrow(
        expect.objectContaining({
          code: 'validation_failed',
          issues: [expect.objectContaining({ path: '$.horizonMonths' })],
        }),
      );
  });
  it('refuses an asOf that score refuses', () => {
    expect(() =>
      plan(validateProfile({ asOf: '2028-03-01', birthDate: '1990-01-01' }), {}, testPolicy),
    ).toThrow(expect.objectContaining({ code: 'no_policy_version' }));
  });
  it('already qualified: reaches on asOf, no options', () => {
    const q = plan(
      validateProfile({
        asOf: '2025-03-10',
        birthDate: '1995-01-20',
        education: [{ level: 'bachelor', degree: true }],
        contributions: [{ from: '2024-06', to: null, base: 9000 }],
      }),
      {},
      testPolicy,
    );
    expect(q.current.qualified).toBe(true);
    expect(q.baseline.reachesStandardOn).toBe('2025-03-10');
    expect(q.options).toEqual([]);
  });
});

describe('age loss against accrual', () => {
  // 49 on asOf, birthday 05-15 (−2 a year), insurance anniversary in September (+3 a year):
  // 30→ age 19, 本科+学士 90, insurance 42 months = 3 years 9 → 118.
  const profile = validateProfile({
    asOf: '2025-03-10',
    birthDate: '1975-05-15',
    education: [{ level: 'bachelor', degree: true }],
    contributions: [{ from: '2021-09', to: null, base: 9000 }],
  });
  const p = plan(profile, { horizonMonths: 24 }, testPolicy);
  const at = (d: string) => p.baseline.timeline.find((t) => t.date === d)!.total;
  it('the birthday costs 2 points before the anniversary brings 3: the dip is in the timeline', () => {
    expect(p.current.total).toBe(118);
    expect(at('2025-05-01')).toBe(118);
    expect(at('2025-06-01')).toBe(116);
    expect(at('2025-09-01')).toBe(119);
    expect(at('2026-06-01')).toBe(117);
    expect(at('2026-09-01')).toBe(120);
    expect(p.baseline.reachesStandardOn).toBe('2026-09-01');
  });
  it('at 61 the age points fall by 5 while a year of insurance adds 3: the total goes down', () => {
    const old = plan(
      validateProfile({
        asOf: '2025-03-10',
        birthDate: '1965-06-15',
        education: [{ level: 'associate' }],
        contributions: [{ from: '2012-09', to: null, base: 8000 }],
      }),
      { horizonMonths: 36 },
      testPolicy,
    );
    const t = (d: string) => old.baseline.timeline.find((x) => x.date === d)!.total;
    expect(t('2026-07-01') - t('2026-06-01')).toBe(-5);
    expect(t('2026-09-01') - t('2026-08-01')).toBe(3);
    expect(t('2026-09-01')).toBeLessThan(t('2026-06-01'));
    expect(old.baseline.reachesStandardOn).toBeNull();
  });
  it('a 50-year-old who stopped contributing only loses points: never reaches, says why', () => {
    const stopped = plan(
      validateProfile({
        asOf: '2025-03-10',
        birthDate: '1975-01-20',
        education: [{ level: 'associate' }],
        contributions: [{ from: '2014-03', to: '2024-12', base: 9000 }],
      }),
      {},
      testPolicy,
    );
    const totals = stopped.baseline.timeline.map((t) => t.total);
    for (let k = 1; k < totals.length; k++) expect(totals[k]).toBeLessThanOrEqual(totals[k - 1]!);
    expect(totals[totals.length - 1]).toBeLessThan(totals[0]!);
    expect(stopped.baseline.reachesStandardOn).toBeNull();
    expect(stopped.warnings.join()).toContain('没有持续中的期间');
    // Resuming contributions is an option.
    expect(stopped.options.some((o) => o.actions.join().includes('在本市就业'))).toBe(true);
  });
  it('warns when the total falls back below the standard after reaching it', () => {
    // 59, 本科+学士 90, 8 years of insurance 24: 119; a 9th year on 2026-01-01 (122), 61 on 2026-06-15 (117).
    const p2 = plan(
      validateProfile({
        asOf: '2025-03-10',
        birthDate: '1965-06-15',
        education: [{ level: 'bachelor', degree: true }],
        contributions: [{ from: '2017-01', to: null, base: 8000 }],
      }),
      { horizonMonths: 24 },
      testPolicy,
    );
    expect(p2.baseline.reachesStandardOn).toBe('2026-01-01');
    expect(p2.baseline.timeline.find((t) => t.date === '2026-07-01')!.total).toBe(117);
    expect(p2.warnings.join()).toContain('回落');
  });
});

describe('never reaching within the horizon', () => {
  // 63, no credential, no contributions: nothing reaches 120 in 12 months; the best options still say how far they get.
  const p = plan(
    validateProfile({ asOf: '2025-03-10', birthDate: '1962-01-20' }),
    { horizonMonths: 12 },
    testPolicy,
  );
  it('baseline null, options listed with how far each gets', () => {
    expect(p.baseline.reachesStandardOn).toBeNull();
    expect(p.options.length).toBeGreaterThan(0);
    for (const o of p.options) {
      expect(o.reachesStandardOn).toBeNull();
      expect(o.bestTotal).toBeGreaterThan(0);
      expect(o.explanation).toContain(`仍差 ${120 - o.bestTotal} 分`);
    }
    // Ranked by effort when none reaches.
    const efforts = p.options.map((o) => o.effort);
    expect([...efforts].sort((a, b) => a - b)).toEqual(efforts);
  });
});

describe('provisional figures and rules past 2027', () => {
  it('warns when the reach date counts months whose wage figure is not published', () => {
    // 本科+学士, administrative detention ageing out on 2028-01-05: reaches 2028-02-01, after the last figure (2026-06).
    const p = plan(
      validateProfile({
        asOf: '2025-01-13',
        birthDate: '1995-03-03',
        education: [{ level: 'bachelor', degree: true }],
        contributions: [{ from: '2021-12', to: null, base: 9000 }],
        records: [{ type: 'administrative_detention', date: '2023-01-05' }],
      }),
      {},
      testPolicy,
    );
    expect(p.baseline.reachesStandardOn).toBe('2028-02-01');
    expect(p.warnings.join()).toContain('维持现状的达标日期 2028-02-01 依赖尚未公布的社平工资');
    const last = rules.wages.lastMonth;
    for (const t of p.baseline.timeline) expect(t.provisional === true).toBe(monthIndexOf(t.date) - 1 > last);
    for (const o of p.options)
      if (o.reachesStandardOn && o.reachesStandardOn > '2026-07-01') expect(o.provisional).toBe(true);
  });
  it('no wage warning when everything scored is published', () => {
    const p = plan(
      validateProfile({
        asOf: '2025-03-10',
        birthDate: '1995-01-20',
        education: [{ level: 'bachelor', degree: true }],
        contributions: [{ from: '2024-12', to: null, base: 9000 }],
      }),
      { horizonMonths: 12 },
      testPolicy,
    );
    expect(p.warnings.join()).not.toContain('社平工资');
    expect(p.baseline.timeline.every((t) => !t.provisional)).toBe(true);
  });
  it('past the last policy version the rules are assumed to continue, provisional, with a warning', () => {
    const p = plan(golden[0]!.profile, {}, testPolicy);
    expect(p.warnings.join()).toContain(`现行积分政策有效期至 ${rules.lastDate}`);
    expect(p.warnings.join()).toContain('规则延续');
    for (const t of p.baseline.timeline) if (t.date > rules.lastDate) expect(t.provisional).toBe(true);
    const short = plan(golden[0]!.profile, { horizonMonths: 12 }, testPolicy);
    expect(short.warnings.join()).not.toContain('规则延续');
  });
});

describe('veto', () => {
  it('a veto still in force at the horizon: no option, a warning', () => {
    const p = plan(
      validateProfile({
        asOf: '2025-03-10',
        birthDate: '1990-01-20',
        education: [{ level: 'master', degree: true }],
        records: [{ type: 'serious_criminal', date: '2015-01-01' }],
      }),
      { horizonMonths: 24 },
      testPolicy,
    );
    expect(p.options).toEqual([]);
    expect(p.baseline.reachesStandardOn).toBeNull();
    expect(p.warnings.join()).toContain('一票否决');
  });
});
