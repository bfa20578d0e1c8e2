import { testPolicy } from '../policy/testing/testPolicy.js';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { profileArbitrary } from '../profile/profileArbitrary.js';
import type { Profile } from '../profile/profileSchema.js';
import { indexToIsoMonth, monthIndexOf } from '../shared/dates.js';
import { score } from './score.js';
import type { NextStep } from './types.js';

/**
 * Issue 14: every structured hint is true. Over 10 000 generated profiles, each item's `nextStep`
 * is applied to the profile (moving `asOf` for the time-based kinds), the profile is scored again
 * and this item must reach the promised points (other items may move with time).
 */
export function applyStep(p: Profile, id: string, s: NextStep): Profile {
  const M = monthIndexOf(p.asOf);
  const month = indexToIsoMonth(M);
  switch (s.kind) {
    case 'credential':
      return 'education' in s.add
        ? { ...p, education: [...(p.education ?? []), s.add.education] }
        : { ...p, qualifications: [...(p.qualifications ?? []), s.add.qualification] };
    case 'contribute_months': {
      // Contributions up to the month before the application month stay; from it on, the hint's run.
      const kept = (p.contributions ?? [])
        .filter((c) => monthIndexOf(c.from) < M)
        .map((c) => (c.to == null || monthIndexOf(c.to) >= M ? { ...c, to: indexToIsoMonth(M - 1) } : c));
      const run = { from: month, to: indexToIsoMonth(M + s.months - 1), base: s.monthlyBase ?? 0 };
      return { ...p, asOf: s.date, contributions: [...kept, run] };
    }
    case 'full_years':
      if (s.of === 'key_area')
        return {
          ...p,
          asOf: s.date,
          keyArea: [...(p.keyArea ?? []), { area: s.area!, from: month, to: null }],
        };
      if (s.of === 'public_service')
        return { ...p, asOf: s.date, publicService: [...(p.publicService ?? []), { from: month, to: null }] };
      return { ...p, asOf: s.date };
    case 'deduction_expires':
      return { ...p, asOf: s.date };
    default:
      throw new Error(`unknown step ${id}`);
  }
}

describe('structured hints (nextStep) hold', () => {
  it('applying each nextStep brings its item to the promised points (10 000 profiles)', () => {
    let applied = 0;
    const kinds = new Set<string>();
    fc.assert(
      fc.property(profileArbitrary, (p) => {
        const r = score(p, {}, testPolicy.rules);
        for (const item of r.items) {
          const s = item.nextStep;
          if (!s) continue;
          expect(s.points, item.id).not.toBe(item.points);
          const after = score(
            applyStep(p, item.id, s),
            { explain: false, assumeRulesContinue: true },
            testPolicy.rules,
          );
          const got = after.items.find((i) => i.id === item.id)!.points;
          if (item.group === 'deduction')
            expect({ id: item.id, got }).toEqual({ id: item.id, got: s.points });
          else
            expect({ id: item.id, step: s, reached: got >= s.points }).toEqual({
              id: item.id,
              step: s,
              reached: true,
            });
          applied++;
          kinds.add(`${item.id}:${s.kind}`);
        }
      }),
      { numRuns: 10_000 },
    );
    expect(applied).toBeGreaterThan(10_000);
    expect([...kinds].sort()).toEqual(
      expect.arrayContaining([
        'education:credential',
        'qualification:credential',
        'insurance_years:contribute_months',
        'insurance_base:contribute_months',
        'key_area:full_years',
        'public_service:full_years',
        'spouse_hukou:full_years',
        'false_material:deduction_expires',
      ]),
    );
  }, 120_000);
});
