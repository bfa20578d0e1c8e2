import fc from 'fast-check';
import { dayNumberToIso, indexToIsoMonth, isoToDayNumber, monthIndexOf } from '../shared/dates.js';
import type { Profile } from './profileSchema.js';

/**
 * fast-check generator of valid profiles across every policy version, for the
 * engine's property tests. Contribution runs never overlap (docs/spec/profile.md); months
 * stay at or after 2010-04 wherever a wage figure may be read.
 */
const DAY_MIN = isoToDayNumber('2013-07-01');
const DAY_MAX = isoToDayNumber('2027-12-31');

export const isoDateBetween = (min: string, max: string) =>
  fc.integer({ min: isoToDayNumber(min), max: isoToDayNumber(max) }).map(dayNumberToIso);

export const profileArbitrary: fc.Arbitrary<Profile> = fc
  .record({
    asOfDay: fc.integer({ min: DAY_MIN, max: DAY_MAX }),
    age: fc.integer({ min: 16, max: 70 }),
    birthOffset: fc.integer({ min: 0, max: 364 }),
    education: fc.array(
      fc.record(
        {
          level: fc.constantFrom('associate', 'bachelor', 'master', 'doctor'),
          degree: fc.boolean(),
          foreign: fc.boolean(),
          recognized: fc.boolean(),
        },
        { requiredKeys: ['level'] },
      ),
      { maxLength: 3 },
    ),
    qualifications: fc.array(
      fc.oneof(
        fc.record(
          {
            type: fc.constant('title' as const),
            level: fc.constantFrom('junior', 'intermediate', 'senior'),
            route: fc.constantFrom('exam', 'review'),
            matchesPost: fc.boolean(),
            obtainedWhileWorkingInShanghai: fc.boolean(),
          },
          { requiredKeys: ['type', 'level'] },
        ),
        fc.record(
          {
            type: fc.constant('skill' as const),
            level: fc.integer({ min: 1, max: 5 }),
            onShortageCatalog: fc.boolean(),
            obtainedWhileWorkingInShanghai: fc.boolean(),
            verifiedNationally: fc.boolean(),
          },
          { requiredKeys: ['type', 'level'] },
        ),
        fc.record(
          {
            type: fc.constant('certificate' as const),
            equivalentLevel: fc.constantFrom('intermediate', 'senior'),
            requiresRegistration: fc.boolean(),
            registered: fc.boolean(),
          },
          { requiredKeys: ['type', 'equivalentLevel'] },
        ),
      ),
      { maxLength: 3 },
    ),
    // Runs as (gap before, length, base, flags), laid end to end from a start month.
    startBack: fc.integer({ min: 0, max: 200 }),
    runs: fc.array(
      fc.record({
        gap: fc.integer({ min: 0, max: 12 }),
        len: fc.integer({ min: 1, max: 80 }),
        base: fc.integer({ min: 0, max: 60000 }),
        backPaid: fc.boolean(),
        employerMatchesContract: fc.boolean(),
        taxConsistent: fc.boolean(),
      }),
      { maxLength: 6 },
    ),
    openEnded: fc.boolean(),
    shortageMajor: fc.option(fc.record({ onCatalog: fc.boolean(), matchesPost: fc.boolean() }), {
      nil: undefined,
    }),
    startupTalent: fc.boolean(),
    techTransferTalent: fc.boolean(),
    investment: fc.option(
      fc.record(
        {
          invested: fc.boolean(),
          share: fc.double({ min: 0, max: 1, noNaN: true }),
          annualTax: fc.array(fc.integer({ min: 0, max: 5_000_000 }), { maxLength: 3 }),
          hukouEmployees: fc.array(fc.integer({ min: 0, max: 200 }), { maxLength: 3 }),
        },
        { requiredKeys: ['share', 'annualTax', 'hukouEmployees'] },
      ),
      { nil: undefined },
    ),
    publicYears: fc.option(fc.integer({ min: 0, max: 15 }), { nil: undefined }),
    keyArea: fc.array(
      fc.record({
        area: fc.constantFrom('lingang', 'new_town', 'north_south', 'other_key', 'lingang_old'),
        back: fc.integer({ min: 0, max: 200 }),
        len: fc.integer({ min: 1, max: 200 }),
      }),
      { maxLength: 3 },
    ),
    freshGraduate: fc.boolean(),
    awards: fc.array(
      fc.record(
        {
          level: fc.constantFrom('municipal_special', 'municipal_comprehensive', 'national'),
          daysBack: fc.integer({ min: -400, max: 4000 }),
          obtainedWhileWorkingInShanghai: fc.boolean(),
          onCatalog: fc.boolean(),
          filed: fc.boolean(),
        },
        { requiredKeys: ['level'] },
      ),
      { maxLength: 3 },
    ),
    spouse: fc.option(
      fc.record({ shanghaiHukou: fc.boolean(), yearsBack: fc.integer({ min: 0, max: 30 }) }),
      { nil: undefined },
    ),
    records: fc.array(
      fc.record({
        type: fc.constantFrom(
          'false_material',
          'administrative_detention',
          'criminal',
          'serious_criminal',
          'family_planning',
        ),
        daysBack: fc.integer({ min: 0, max: 4000 }),
      }),
      { maxLength: 3 },
    ),
  })
  .map((g) => {
    const asOf = dayNumberToIso(g.asOfDay);
    const asOfMonth = monthIndexOf(asOf);
    const birthDate = dayNumberToIso(g.asOfDay - g.age * 365 - Math.floor(g.age / 4) - g.birthOffset);
    const p: Profile = { asOf, birthDate };
    if (g.education.length) p.education = g.education;
    if (g.qualifications.length) p.qualifications = g.qualifications;
    const earliest = monthIndexOf('2010-04');
    let m = Math.max(earliest, asOfMonth - g.startBack);
    const runs: NonNullable<Profile['contributions']> = [];
    g.runs.forEach((r, i) => {
      m += r.gap;
      const to = m + r.len - 1;
      const last = i === g.runs.length - 1;
      runs.push({
        from: indexToIsoMonth(m),
        to: last && g.openEnded ? null : indexToIsoMonth(to),
        base: r.base,
        backPaid: r.backPaid,
        employerMatchesContract: r.employerMatchesContract,
        taxConsistent: r.taxConsistent,
      });
      m = to + 1;
    });
    if (runs.length) p.contributions = runs;
    if (g.shortageMajor) p.shortageMajor = g.shortageMajor;
    p.startupTalent = g.startupTalent;
    p.techTransferTalent = g.techTransferTalent;
    if (g.investment) p.investment = g.investment;
    if (g.publicYears !== undefined)
      p.publicService = [{ from: indexToIsoMonth(asOfMonth - g.publicYears * 12), to: null }];
    if (g.keyArea.length)
      p.keyArea = g.keyArea.map((k) => ({
        area: k.area,
        from: indexToIsoMonth(asOfMonth - k.back),
        to: indexToIsoMonth(asOfMonth - k.back + k.len),
      }));
    p.freshGraduate = g.freshGraduate;
    if (g.awards.length)
      p.awards = g.awards.map(({ daysBack, ...a }) =>
        daysBack === undefined ? a : { ...a, date: dayNumberToIso(g.asOfDay - daysBack) },
      );
    if (g.spouse)
      p.spouse = {
        shanghaiHukou: g.spouse.shanghaiHukou,
        marriageDate: dayNumberToIso(g.asOfDay - g.spouse.yearsBack * 365),
      };
    if (g.records.length)
      p.records = g.records.map((r) => ({ type: r.type, date: dayNumberToIso(g.asOfDay - r.daysBack) }));
    return p;
  });
