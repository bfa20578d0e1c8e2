import { testPolicy } from '../policy/testing/testPolicy.js';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { profileArbitrary } from '../profile/profileArbitrary.js';
import type { Profile } from '../profile/profileSchema.js';
import { validateProfile } from '../profile/validateProfile.js';
import { indexToIsoMonth, isoToDayNumber, dayNumberToIso, monthIndexOf } from '../shared/dates.js';
import { score } from './score.js';

const rules = testPolicy.rules;
const points = (p: Profile) =>
  Object.fromEntries(score(p, { explain: false }, testPolicy.rules).items.map((i) => [i.id, i.points]));
const RUNS = { numRuns: 400 };

describe('engine invariants (fast-check)', () => {
  it('generated profiles are valid profiles', () => {
    fc.assert(
      fc.property(profileArbitrary, (p) => void validateProfile(JSON.parse(JSON.stringify(p)))),
      { numRuns: 200 },
    );
  });

  it('items sum to the total, explained or lean, and no item is -0', () => {
    fc.assert(
      fc.property(profileArbitrary, (p) => {
        const full = score(p, {}, testPolicy.rules);
        const lean = score(p, { explain: false }, testPolicy.rules);
        expect(full.items.reduce((s, i) => s + i.points, 0)).toBe(full.total);
        expect(lean.items.map((i) => i.points)).toEqual(full.items.map((i) => i.points));
        expect(lean.total).toBe(full.total);
        for (const i of full.items) expect(Object.is(i.points, -0)).toBe(false);
        expect(full.qualified).toBe(!full.vetoed && full.total >= full.standard);
      }),
      RUNS,
    );
  });

  it('caps are never exceeded and deductions are never positive', () => {
    fc.assert(
      fc.property(profileArbitrary, (p) => {
        const r = score(p, { explain: false }, testPolicy.rules);
        const v = rules.at(p.asOf).params;
        const cap: Record<string, number> = {
          age: v.age!.value.max,
          education: v.education!.value.doctorWithDegree,
          qualification: Math.max(v.qualification!.value.title.senior, v.qualification!.value.skill['1']),
          insurance_base: Math.max(...v.insurance_base!.value.tiers.map((t) => t.points)),
          investment: v.investment!.value.cap,
          key_area: v.key_area!.value.cap,
          spouse_hukou: v.spouse_hukou!.value.cap,
          award: v.award!.value.national,
          shortage_major: v.shortage_major!.value.points,
        };
        for (const item of r.items) {
          if (item.group === 'deduction') expect(item.points).toBeLessThanOrEqual(0);
          else expect(item.points).toBeGreaterThanOrEqual(0);
          if (cap[item.id] !== undefined) expect(item.points).toBeLessThanOrEqual(cap[item.id]!);
        }
      }),
      RUNS,
    );
  });

  it('adding a valid contribution month never lowers insurance_years or insurance_base', () => {
    fc.assert(
      fc.property(
        profileArbitrary,
        fc.integer({ min: 1, max: 60 }),
        fc.integer({ min: 0, max: 60000 }),
        (p, back, base) => {
          const month = monthIndexOf(p.asOf) - back;
          if (month < monthIndexOf('2010-04')) return;
          const covered = (p.contributions ?? []).some(
            (c) => monthIndexOf(c.from) <= month && (c.to == null || monthIndexOf(c.to) >= month),
          );
          if (covered) return;
          const before = points(p);
          const after = points({
            ...p,
            contributions: [
              ...(p.contributions ?? []),
              { from: indexToIsoMonth(month), to: indexToIsoMonth(month), base },
            ],
          });
          expect(after.insurance_years!).toBeGreaterThanOrEqual(before.insurance_years!);
          expect(after.insurance_base!).toBeGreaterThanOrEqual(before.insurance_base!);
        },
      ),
      RUNS,
    );
  });

  it('facts dated after asOf change nothing', () => {
    fc.assert(
      fc.property(profileArbitrary, fc.integer({ min: 1, max: 400 }), (p, ahead) => {
        const next = indexToIsoMonth(monthIndexOf(p.asOf) + 1 + (ahead % 24));
        const later = dayNumberToIso(isoToDayNumber(p.asOf) + ahead);
        const lastTo = (p.contributions ?? []).every((c) => c.to != null && c.to < next);
        const extended: Profile = {
          ...p,
          contributions: lastTo
            ? [...(p.contributions ?? []), { from: next, to: null, base: 99999 }]
            : p.contributions,
          records: [
            ...(p.records ?? []),
            { type: 'serious_criminal', date: later },
            { type: 'false_material', date: later },
          ],
          keyArea: [...(p.keyArea ?? []), { area: 'lingang', from: next, to: null }],
          publicService: [...(p.publicService ?? []), { from: next, to: null }],
          awards: p.awards,
          spouse: p.spouse ?? { shanghaiHukou: true, marriageDate: later },
        };
        const a = score(p, { explain: false }, testPolicy.rules);
        const b = score(extended, { explain: false }, testPolicy.rules);
        expect(b.items).toEqual(a.items);
        expect(b.vetoes).toEqual(a.vetoes);
      }),
      RUNS,
    );
  });

  it('age points never rise with age', () => {
    fc.assert(
      fc.property(profileArbitrary, fc.integer({ min: 1, max: 20000 }), (p, olderByDays) => {
        const older = dayNumberToIso(isoToDayNumber(p.birthDate) - olderByDays);
        expect(points({ ...p, birthDate: older }).age!).toBeLessThanOrEqual(points(p).age!);
      }),
      RUNS,
    );
  });
});
