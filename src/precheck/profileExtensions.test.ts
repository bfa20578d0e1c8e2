import { describe, expect, it } from 'vitest';
import { validateProfile } from '../profile/validateProfile.js';

/** The additive profile fields of docs/profile-extensions.md: strict, every bad path named. */
const base = { asOf: '2025-03-10', birthDate: '1995-01-20' };
const issues = (patch: Record<string, unknown>) => {
  try {
    validateProfile({ ...base, ...patch });
    return [];
  } catch (e) {
    return (e as { issues: Array<{ path: string }> }).issues.map((i) => i.path);
  }
};

describe('profile extensions', () => {
  it('accepts a full set of extension fields', () => {
    expect(
      issues({
        permit: {
          issuedOn: '2024-01-05',
          validUntil: '2027-01-04',
          endorsedUntil: '2026-01-04',
          status: 'active',
        },
        employer: {
          district: '崇明',
          kind: 'private_non_enterprise',
          registeredInShanghai: true,
          operatingNormally: true,
          paysTaxInShanghai: true,
          barredUntil: '2020-01-01',
        },
        employedAtOutOfTownBranch: false,
        employment: { dispatched: true },
        family: {
          spouseUsesBenefits: true,
          children: [{ birthDate: '2010-01-01', usesBenefits: true, fullTimeHighSchool: true }],
        },
        records: [{ type: 'false_material', date: '2024-01-01', serious: true }],
      }),
    ).toEqual([]);
  });
  it('names each bad path', () => {
    expect(
      issues({
        permit: {
          issuedOn: '2024-01-05',
          validUntil: '2024-01-04',
          endorsedUntil: '2023-01-01',
          status: 'active',
        },
      }),
    ).toEqual(['$.permit.validUntil', '$.permit.endorsedUntil']);
    expect(issues({ permit: { issuedOn: '2024-01-05', validUntil: '2027-01-04' } })).toEqual([
      '$.permit.status',
    ]);
    expect(
      issues({
        employer: {
          district: '浦东',
          kind: 'shop',
          registeredInShanghai: 'yes',
          operatingNormally: true,
          paysTaxInShanghai: true,
          extra: 1,
        },
      }),
    ).toEqual(
      expect.arrayContaining([
        '$.employer.district',
        '$.employer.kind',
        '$.employer.registeredInShanghai',
        '$.employer.extra',
      ]),
    );
    expect(
      issues({ records: [{ type: 'administrative_detention', date: '2024-01-01', serious: true }] }),
    ).toEqual(['$.records[0].serious']);
    expect(issues({ family: { children: [{ birthDate: '2010-13-01', school: 'x' }] } })).toEqual(
      expect.arrayContaining(['$.family.children[0].birthDate', '$.family.children[0].school']),
    );
    expect(issues({ employment: { dispatched: 1, unitKind: 'x' } })).toEqual(
      expect.arrayContaining(['$.employment.dispatched', '$.employment.unitKind']),
    );
  });
});
