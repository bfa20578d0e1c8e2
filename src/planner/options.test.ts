import { testPolicy } from '../policy/testing/testPolicy.js';
import { describe, expect, it } from 'vitest';
import { score } from '../engine/score.js';
import { reformRuleSet } from '../impact/reformRuleSet.js';
import type { Profile } from '../profile/profileSchema.js';
import { validateProfile } from '../profile/validateProfile.js';
import type { RuleSet } from '../rules/RuleSet.js';
import { indexToFirstOfMonth, monthIndexOf } from '../shared/dates.js';
import { plan } from './plan.js';
import type { PlanOption } from './types.js';

const rules = testPolicy.rules;
const latest = rules.wages.latest.value;
const snap = rules.at('2025-03-10');

/**
 * Each option kind checked against its documented transformation, applied by hand and
 * scored by the engine month by month: the planner must report the same reach date, best
 * total and total at the horizon.
 */
function independently(
  profileAt: (date: string) => Profile,
  asOf: string,
  horizon: number,
  r: RuleSet = rules,
) {
  const m0 = monthIndexOf(asOf);
  const points = [];
  for (let k = 0; k <= horizon; k++) {
    const date = k === 0 ? asOf : indexToFirstOfMonth(m0 + k);
    const res = score({ ...profileAt(date), asOf: date }, { explain: false, assumeRulesContinue: true }, r);
    points.push({ date, total: res.total, qualified: res.qualified, items: res.items });
  }
  return {
    reachesStandardOn: points.find((p) => p.qualified)?.date ?? null,
    bestTotal: Math.max(...points.map((p) => p.total)),
    totalAtHorizon: points[points.length - 1]!.total,
    points,
  };
}

const expectMatches = (o: PlanOption | undefined, ind: ReturnType<typeof independently>) => {
  expect(o).toBeDefined();
  expect({
    reachesStandardOn: o!.reachesStandardOn,
    bestTotal: o!.bestTotal,
    totalAtHorizon: o!.totalAtHorizon,
  }).toEqual({
    reachesStandardOn: ind.reachesStandardOn,
    bestTotal: ind.bestTotal,
    totalAtHorizon: ind.totalAtHorizon,
  });
};

// 30, 大专 50, contributing since 2021-03 at 6000 (below 0.8× the wage figure): 30 + 50 + 12 = 92;
// the baseline reaches 120 only at the end of ten years.
const LOW = validateProfile({
  asOf: '2025-03-10',
  birthDate: '1995-01-20',
  education: [{ level: 'associate' }],
  contributions: [{ from: '2021-03', to: null, base: 6000 }],
});
const low = plan(LOW, {}, testPolicy);
const option = (p: typeof low, id: string) => p.options.find((o) => o.id === id);
const raised = (base: number): Profile => ({
  ...LOW,
  contributions: [
    { from: '2021-03', to: '2025-03', base: 6000 },
    { from: '2025-04', to: null, base },
  ],
});
const withQual =
  (p: Profile, q: NonNullable<Profile['qualifications']>[number], from: string) => (date: string) =>
    date >= from ? { ...p, qualifications: [q] } : p;

describe('options: one per kind, each as its stated transformation through the engine', () => {
  it('the baseline of the example', () => {
    expect(low.current.total).toBe(92);
    expect(low.baseline.reachesStandardOn).toBe('2035-03-01');
  });

  it('raise the contribution base to an insurance_base tier (ratios from the rules, base from the latest figure)', () => {
    const ratios = [...new Set(snap.params.insurance_base!.value.tiers.map((t) => t.minRatio))];
    const raises = low.options.filter((o) => o.id.startsWith('raise_base_'));
    expect(raises.length).toBeGreaterThan(0);
    for (const o of raises) {
      const ratio = Number(/^raise_base_([\d.]+)x$/.exec(o.id)![1]);
      expect(ratios).toContain(ratio);
      const base = Math.ceil(ratio * latest);
      expect(o.actions[0]).toContain(`提高到 ${base} 元`);
      expectMatches(
        o,
        independently(() => raised(base), LOW.asOf, 120),
      );
      expect(o.assumptions.join()).toContain('个月后'); // named in Chinese, never by its key (issue 14)
    }
  });

  it('an intermediate title (by exam, 12 months) bundles the base condition when the base is below 1.0×', () => {
    const o = option(low, 'title_intermediate')!;
    const bc = snap.params.qualification!.value.baseCondition;
    const need = Math.ceil(bc.minRatio * latest);
    expect(o.actions).toHaveLength(2);
    expect(o.actions[1]).toContain(`${need} 元`);
    expect(o.assumptions.join()).toContain(
      `至少 ${bc.requiredMonths} 个月缴费基数不低于社平工资 ${bc.minRatio} 倍`,
    );
    expectMatches(
      o,
      independently(
        withQual(
          raised(need),
          { type: 'title', level: 'intermediate', route: 'exam', matchesPost: true },
          '2026-03-01',
        ),
        LOW.asOf,
        120,
      ),
    );
    // Without the raise the title would score 0 (base condition): the engine agrees.
    const bare = independently(
      withQual(LOW, { type: 'title', level: 'intermediate', route: 'exam' }, '2026-03-01'),
      LOW.asOf,
      24,
    );
    expect(bare.points.at(-1)!.items.find((i) => i.id === 'qualification')!.points).toBe(0);
  });

  it('a skill level on the catalogue (三级 60, no base condition)', () => {
    const o = option(low, 'skill_3')!;
    expect(o.actions).toHaveLength(1);
    expectMatches(
      o,
      independently(
        withQual(
          LOW,
          {
            type: 'skill',
            level: 3,
            matchesPost: true,
            onShortageCatalog: true,
            obtainedWhileWorkingInShanghai: true,
          },
          '2026-03-01',
        ),
        LOW.asOf,
        120,
      ),
    );
  });

  it('a degree upgrade (本科+学士 after 30 months)', () => {
    const o = option(low, 'degree_bachelor')!;
    expectMatches(
      o,
      independently(
        (d) =>
          d >= '2027-09-01'
            ? { ...LOW, education: [...LOW.education!, { level: 'bachelor', degree: true }] }
            : LOW,
        LOW.asOf,
        120,
      ),
    );
  });

  it('working and living in a key area: 临港新片区 counts after 3 years, the other areas after 5 (thresholds from the rules)', () => {
    const areas = snap.params.key_area!.value.areas;
    const per = snap.params.key_area!.value.pointsPerFullYear;
    for (const [id, area] of [
      ['key_area_lingang', 'lingang'],
      ['key_area_new_town', 'new_town'],
    ] as const) {
      const o = option(low, id);
      const ind = independently(
        () => ({ ...LOW, keyArea: [{ area, from: '2025-06', to: null }] }),
        LOW.asOf,
        120,
      );
      expectMatches(o, ind);
      const years = areas[area]!.thresholdYears;
      const firstPoints = ind.points.find((p) => p.items.find((i) => i.id === 'key_area')!.points > 0)!;
      expect(firstPoints.date).toBe(indexToFirstOfMonth(monthIndexOf('2025-06') + years * 12));
      expect(firstPoints.items.find((i) => i.id === 'key_area')!.points).toBe(years * per);
    }
    expect(areas.lingang!.thresholdYears).toBeLessThan(areas.new_town!.thresholdYears);
  });

  it('investment (tax) and hiring: amounts in whole steps of the rules, counted per full tax year', () => {
    const inv = snap.params.investment!.value;
    const tax = option(low, 'investment_tax')!;
    const T = Number(/纳税额达到 (\d+) 元/.exec(tax.actions[0]!)![1]);
    expect(T % inv.taxStep).toBe(0);
    const years = (d: string) => Math.max(0, Math.min(inv.years, Number(d.slice(0, 4)) - 2026));
    expectMatches(
      tax,
      independently(
        (d) => ({
          ...LOW,
          investment: { share: 1, annualTax: [0, 1, 2].map((i) => (i >= inv.years - years(d) ? T : 0)) },
        }),
        LOW.asOf,
        120,
      ),
    );
    const hire = option(low, 'investment_hiring')!;
    const N = Number(/聘用本市户籍人员 (\d+) 人/.exec(hire.actions[0]!)![1]);
    expect(N % inv.employeeStep).toBe(0);
    expectMatches(
      hire,
      independently(
        (d) => ({
          ...LOW,
          investment: { hukouEmployees: [0, 1, 2].map((i) => (i >= inv.years - years(d) ? N : 0)) },
        }),
        LOW.asOf,
        120,
      ),
    );
  });

  it('every option: Chinese actions, assumptions and explanation, a documented effort, ranked by date then effort', () => {
    for (const o of low.options) {
      expect(o.actions.length).toBeGreaterThan(0);
      expect(o.assumptions.length).toBeGreaterThan(0);
      expect(o.explanation).toMatch(/达到标准分值|无法达到标准分值/);
      expect(o.effort).toBeGreaterThan(0);
    }
    const key = (o: PlanOption) => `${o.reachesStandardOn ?? '9999'}|${String(o.effort).padStart(3, '0')}`;
    const keys = low.options.map(key);
    expect([...keys].sort()).toEqual(keys);
    for (const o of low.options)
      if (o.reachesStandardOn) expect(o.reachesStandardOn < low.baseline.reachesStandardOn!).toBe(true);
  });

  it('a stronger lever of the same family that is no sooner and harder is not listed', () => {
    const raises = low.options.filter((o) => o.id.startsWith('raise_base_'));
    for (const a of raises)
      for (const b of raises)
        if (a !== b && a.reachesStandardOn === b.reachesStandardOn) expect(a.effort).toBe(b.effort);
  });
});

describe('combinations of two', () => {
  // 63, stopped contributing in 2023: over 24 months a skill and resumed contributions together get further than either.
  const OLD = validateProfile({
    asOf: '2025-03-10',
    birthDate: '1962-01-20',
    contributions: [{ from: '2015-03', to: '2023-12', base: 6000 }],
  });
  const p = plan(OLD, { horizonMonths: 24 }, testPolicy);
  it('a pair is listed when it does better than each half; effort is the sum', () => {
    const pair = p.options.find((o) => o.id === 'skill_3+raise_base_0.8x')!;
    const skill = option(p, 'skill_3')!;
    const raise = option(p, 'raise_base_0.8x')!;
    expect(pair.effort).toBe(skill.effort + raise.effort);
    expect(pair.bestTotal).toBeGreaterThan(Math.max(skill.bestTotal, raise.bestTotal));
    const base = Math.ceil(0.8 * latest);
    const both = (d: string): Profile => ({
      ...OLD,
      contributions: [...OLD.contributions!, { from: '2025-04', to: null, base }],
      ...(d >= '2026-03-01'
        ? {
            qualifications: [
              {
                type: 'skill',
                level: 3,
                matchesPost: true,
                onShortageCatalog: true,
                obtainedWhileWorkingInShanghai: true,
              },
            ],
          }
        : {}),
    });
    expectMatches(pair, independently(both, OLD.asOf, 24));
  });
});

describe('assumptions', () => {
  it('are overridable: a title taking 18 months instead of 12 reaches 6 months later', () => {
    const slow = plan(LOW, { assumptions: { title: { intermediate: { months: 18 } } } }, testPolicy);
    const a = option(low, 'title_intermediate')!;
    const b = option(slow, 'title_intermediate')!;
    expect(monthIndexOf(b.reachesStandardOn!) - monthIndexOf(a.reachesStandardOn!)).toBe(6);
    expect(b.actions[0]).toContain('2026-09');
  });
  it('a bad override names its path', () => {
    expect(() =>
      plan(LOW, { assumptions: { title: { intermediate: { months: -1 } }, nope: 1 } }, testPolicy),
    ).toThrow(
      expect.objectContaining({
        code: 'validation_failed',
        issues: expect.arrayContaining([
          expect.objectContaining({ path: '$.assumptions.title.intermediate.months' }),
          expect.objectContaining({ path: '$.assumptions.nope' }),
        ]),
      }),
    );
  });
  it('tier ratios come from the rules data: a reform with a 1.5× tier gives a 1.5× option', () => {
    const { rules: reformed } = reformRuleSet(
      'name: 单档\nfrom: 2025-01-01\nparameters:\n  insurance_base:\n    tiers:\n      - { minRatio: 1.5, points: 60, windowMonths: 24, requiredMonths: 12 }\n',
      rules,
    );
    const p = plan(LOW, {}, { ...testPolicy, rules: reformed });
    const o = p.options.find((x) => x.id === 'raise_base_1.5x')!;
    expect(o.actions[0]).toContain(`${Math.ceil(1.5 * latest)} 元`);
    expect(p.options.some((x) => x.id === 'raise_base_1x')).toBe(false);
    expectMatches(
      o,
      independently(() => raised(Math.ceil(1.5 * latest)), LOW.asOf, 120, reformed),
    );
  });
});
