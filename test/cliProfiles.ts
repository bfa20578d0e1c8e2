/** Profiles the CLI tests of `check` and `checklist` feed on standard input: one eligible, one wrong in many ways. */
export const ELIGIBLE = JSON.stringify({
  asOf: '2025-03-10',
  birthDate: '1995-01-20',
  education: [{ level: 'bachelor', degree: true }],
  contributions: [{ from: '2024-06', to: null, base: 9000 }],
  permit: { issuedOn: '2024-01-05', validUntil: '2027-01-04', endorsedUntil: '2026-01-04', status: 'active' },
  employer: {
    district: '浦东新区',
    kind: 'enterprise',
    registeredInShanghai: true,
    operatingNormally: true,
    paysTaxInShanghai: true,
  },
  employedAtOutOfTownBranch: false,
  family: { spouseUsesBenefits: true },
});
export const BAD = JSON.stringify({
  asOf: '2025-03-10',
  birthDate: '1995-01-20',
  permit: { issuedOn: '2024-01-05', validUntil: '2023-01-04', status: 'expired' },
  employer: {
    district: '上海',
    kind: 'enterprise',
    registeredInShanghai: true,
    operatingNormally: true,
    paysTaxInShanghai: true,
  },
  records: [{ type: 'criminal', date: '2024-01-01', serious: true }],
  family: { children: [{ birthDate: '2010-02-30' }] },
});
