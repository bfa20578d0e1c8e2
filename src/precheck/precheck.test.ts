import { testPolicy } from '../policy/testing/testPolicy.js';
import { describe, expect, it } from 'vitest';
import { loadWorkCalendar } from '../calendar/loadWorkCalendar.js';
import { readCalendarYears } from '../calendar/readCalendarYears.js';
import { DEFAULT_CALENDAR_DIR } from '../calendar/loadWorkCalendar.js';
import { WorkCalendar } from '../calendar/WorkCalendar.js';
import { score } from '../engine/score.js';
import type { Profile } from '../profile/profileSchema.js';
import { validateProfile } from '../profile/validateProfile.js';
import { CONDITIONS } from './conditions.js';
import { precheck } from './precheck.js';
import type { ConditionCode, ConditionResult } from './types.js';

const rules = testPolicy.rules;
const calendar = loadWorkCalendar();

/** A holder who meets every condition on 2025-03-10. */
const BASE = {
  asOf: '2025-03-10',
  birthDate: '1995-01-20',
  education: [{ level: 'bachelor', degree: true }],
  contributions: [{ from: '2024-06', to: null, base: 9000 }],
  permit: { issuedOn: '2024-01-05', validUntil: '2027-01-04', endorsedUntil: '2026-01-04', status: 'active' },
  employer: {
    district: '闵行',
    kind: 'enterprise',
    registeredInShanghai: true,
    operatingNormally: true,
    paysTaxInShanghai: true,
  },
  employedAtOutOfTownBranch: false,
} as const;

type Patch = Record<string, unknown>;
const profile = (patch: Patch = {}): Profile => validateProfile({ ...structuredClone(BASE), ...patch });
const run = (patch: Patch = {}, cal: WorkCalendar = calendar) =>
  precheck(profile(patch), { rules, calendar: cal });
const cond = (code: ConditionCode, patch: Patch = {}, cal?: WorkCalendar): ConditionResult =>
  run(patch, cal).conditions.find((c) => c.code === code)!;
const permit = (p: Patch) => ({ permit: { ...BASE.permit, ...p } });
const employer = (e: Patch) => ({ employer: { ...BASE.employer, ...e } });

describe('precheck: the whole result', () => {
  it('passes every condition of rules.md §6 for an eligible holder, each with a Chinese reason and citations', () => {
    const r = run();
    expect(r.eligible).toBe(true);
    expect(r.rulesVersion).toBe('v2023');
    expect(r.conditions.map((c) => c.code)).toEqual(CONDITIONS.map((c) => c.code));
    expect(new Set(r.conditions.map((c) => c.code)).size).toBe(15);
    for (const c of r.conditions) {
      expect(c, c.code).toMatchObject({ status: 'pass', passed: true });
      expect(c.reason).toMatch(/[\u4e00-\u9fff]/);
      expect(c.citations.length).toBeGreaterThan(0);
      expect(c.citations.every((x) => x.startsWith('《'))).toBe(true); // every instrument is registered
    }
  });

  it('is not eligible when one condition fails, nor when one is unknown', () => {
    expect(run(permit({ status: 'cancelled' })).eligible).toBe(false);
    const noPermit = run({ permit: undefined });
    expect(noPermit.eligible).toBe(false);
    expect(noPermit.conditions.filter((c) => c.status === 'unknown').map((c) => c.code)).toEqual([
      'permit_valid',
      'permit_not_cancelled',
      'permit_endorsement_current',
      'account_creation_allowed',
    ]);
    expect(noPermit.conditions.every((c) => c.passed === (c.status === 'pass'))).toBe(true);
  });

  it('refuses a date outside every policy version, naming $.asOf', () => {
    expect(() => run({ asOf: '2028-01-05' })).toThrow(expect.objectContaining({ code: 'no_policy_version' }));
  });

  it('does not change the score: the engine ignores the extension fields', () => {
    const bare = { ...structuredClone(BASE) } as Record<string, unknown>;
    for (const k of ['permit', 'employer', 'employedAtOutOfTownBranch']) delete bare[k];
    const withExt = profile({ family: { spouseUsesBenefits: true }, employment: { dispatched: true } });
    expect(score(withExt, {}, testPolicy.rules)).toEqual(score(validateProfile(bare), {}, testPolicy.rules));
  });
});

describe('permit_valid', () => {
  it('passes on the last day of validity, fails the day after', () => {
    expect(cond('permit_valid', permit({ validUntil: '2025-03-10' })).status).toBe('pass');
    const f = cond('permit_valid', permit({ validUntil: '2025-03-09' }));
    expect(f.status).toBe('fail');
    expect(f.reason).toContain('2025-03-09');
  });
  it('fails for a permit issued after asOf', () => {
    expect(
      cond(
        'permit_valid',
        permit({ issuedOn: '2025-03-11', validUntil: '2028-01-01', endorsedUntil: undefined }),
      ).status,
    ).toBe('fail');
  });
  it('is unknown without a permit', () =>
    expect(cond('permit_valid', { permit: undefined }).status).toBe('unknown'));
});

describe('permit_not_cancelled', () => {
  it('passes when active', () => expect(cond('permit_not_cancelled').status).toBe('pass'));
  it('fails when cancelled', () => {
    const c = cond('permit_not_cancelled', permit({ status: 'cancelled' }));
    expect(c.status).toBe('fail');
    expect(c.citations.join()).toContain('第十一条');
  });
  it('is unknown without a permit', () =>
    expect(cond('permit_not_cancelled', { permit: undefined }).status).toBe('unknown'));
});

describe('permit_endorsement_current', () => {
  it('passes on the last endorsed day', () =>
    expect(cond('permit_endorsement_current', permit({ endorsedUntil: '2025-03-10' })).status).toBe('pass'));
  it('fails when the endorsement lapsed', () =>
    expect(cond('permit_endorsement_current', permit({ endorsedUntil: '2025-03-09' })).status).toBe('fail'));
  it('is unknown when no endorsement date is given', () =>
    expect(cond('permit_endorsement_current', permit({ endorsedUntil: undefined })).status).toBe('unknown'));
});

describe('contributing_in_application_month', () => {
  it('passes with an ongoing run or one ending in the application month', () => {
    expect(cond('contributing_in_application_month').status).toBe('pass');
    expect(
      cond('contributing_in_application_month', {
        contributions: [{ from: '2024-01', to: '2025-03', base: 9000 }],
      }).status,
    ).toBe('pass');
  });
  it('fails when the last run ended the month before', () => {
    const c = cond('contributing_in_application_month', {
      contributions: [{ from: '2024-01', to: '2025-02', base: 9000 }],
    });
    expect(c.status).toBe('fail');
    expect(c.reason).toContain('2025-03');
  });
  it('fails when the application month was back-paid, or there are no contributions', () => {
    expect(
      cond('contributing_in_application_month', {
        contributions: [{ from: '2024-01', to: null, base: 9000, backPaid: true }],
      }).status,
    ).toBe('fail');
    expect(cond('contributing_in_application_month', { contributions: undefined }).status).toBe('fail');
  });
});

describe('six_valid_months_in_twelve', () => {
  // Window for asOf 2025-03-10: 2024-03 .. 2025-02.
  it('passes with exactly 6 months in the window', () => {
    const c = cond('six_valid_months_in_twelve', {
      contributions: [{ from: '2024-09', to: null, base: 9000 }],
    });
    expect(c.status).toBe('pass');
    expect(c.detail).toMatchObject({ months: 6, required: 6, window: { from: '2024-03', to: '2025-02' } });
  });
  it('fails with 5, and says how many are missing', () => {
    const c = cond('six_valid_months_in_twelve', {
      contributions: [{ from: '2024-10', to: null, base: 9000 }],
    });
    expect(c.status).toBe('fail');
    expect(c.reason).toContain('还差 1 个月');
  });
  it('does not count back-paid months (不含补缴) nor months before the window', () => {
    const c = cond('six_valid_months_in_twelve', {
      contributions: [
        { from: '2023-01', to: '2024-03', base: 9000 },
        { from: '2024-04', to: '2024-12', base: 9000, backPaid: true },
        { from: '2025-01', to: null, base: 9000 },
      ],
    });
    expect(c.detail).toMatchObject({ months: 3 });
    expect(c.status).toBe('fail');
  });
  it('counts a month whose employer differs from the contract (第二条 excludes only 补缴; Decision in the data)', () => {
    const c = cond('six_valid_months_in_twelve', {
      contributions: [{ from: '2024-09', to: null, base: 9000, employerMatchesContract: false }],
    });
    expect(c.status).toBe('pass');
  });
});

describe('not_out_of_town_branch_staff', () => {
  it('passes when stated false', () => expect(cond('not_out_of_town_branch_staff').status).toBe('pass'));
  it('fails for staff of an out-of-town branch', () =>
    expect(cond('not_out_of_town_branch_staff', { employedAtOutOfTownBranch: true }).status).toBe('fail'));
  it('is unknown when not stated', () =>
    expect(cond('not_out_of_town_branch_staff', { employedAtOutOfTownBranch: undefined }).status).toBe(
      'unknown',
    ));
});

describe('not_barred_false_material', () => {
  const rec = (date: string, serious?: boolean) => ({
    records: [{ type: 'false_material', date, ...(serious === undefined ? {} : { serious }) }],
  });
  it('fails within 3 years of a serious finding, naming the first day one may apply', () => {
    const c = cond('not_barred_false_material', rec('2022-03-11', true));
    expect(c.status).toBe('fail');
    expect(c.reason).toContain('2025-03-11 起方可申请');
  });
  it('passes on the 3rd anniversary', () =>
    expect(cond('not_barred_false_material', rec('2022-03-10', true)).status).toBe('pass'));
  it('passes for a finding that was not serious (it is a deduction, not a bar)', () => {
    expect(cond('not_barred_false_material', rec('2024-03-10', false)).status).toBe('pass');
    expect(cond('not_barred_false_material', rec('2024-03-10')).status).toBe('pass');
  });
  it('ignores a finding dated after asOf', () =>
    expect(cond('not_barred_false_material', rec('2025-03-11', true)).status).toBe('pass'));
});

describe('not_vetoed', () => {
  it('fails with a serious criminal record, citing the veto', () => {
    const c = cond('not_vetoed', { records: [{ type: 'serious_criminal', date: '2010-01-01' }] });
    expect(c.status).toBe('fail');
    expect(c.detail).toEqual({ vetoes: ['serious_crime'] });
  });
  it('passes with an ordinary criminal record (a deduction, not a veto)', () =>
    expect(cond('not_vetoed', { records: [{ type: 'criminal', date: '2024-01-01' }] }).status).toBe('pass'));
});

describe('employer conditions', () => {
  const cases: Array<[ConditionCode, Patch]> = [
    ['employer_registered', { registeredInShanghai: false }],
    ['employer_operating', { operatingNormally: false }],
    ['employer_pays_tax', { paysTaxInShanghai: false }],
  ];
  for (const [code, bad] of cases) {
    it(`${code}: pass, fail, unknown`, () => {
      expect(cond(code).status).toBe('pass');
      expect(cond(code, employer(bad)).status).toBe('fail');
      expect(cond(code, { employer: undefined }).status).toBe('unknown');
    });
  }

  it('employer_kind_eligible: a representative office or an individual business is out of scope', () => {
    expect(cond('employer_kind_eligible', employer({ kind: 'representative_office' })).status).toBe('fail');
    const ib = cond('employer_kind_eligible', employer({ kind: 'individual_business' }));
    expect(ib.status).toBe('fail');
    expect(ib.reason).toContain('个体工商户');
  });
  it('employer_kind_eligible: a branch passes only when it pays enterprise tax in Shanghai', () => {
    expect(cond('employer_kind_eligible', employer({ kind: 'branch' })).status).toBe('pass');
    expect(
      cond('employer_kind_eligible', employer({ kind: 'branch', paysTaxInShanghai: false })).status,
    ).toBe('fail');
  });
  it('employer_kind_eligible: institutions, social organisations, private non-enterprise units pass; unknown without employer', () => {
    for (const kind of ['institution', 'social_organization', 'private_non_enterprise'])
      expect(cond('employer_kind_eligible', employer({ kind })).status).toBe('pass');
    expect(cond('employer_kind_eligible', { employer: undefined }).status).toBe('unknown');
  });

  it('employer_not_barred: barred through barredUntil inclusive, free the day after', () => {
    expect(cond('employer_not_barred', employer({ barredUntil: '2025-03-10' })).status).toBe('fail');
    expect(cond('employer_not_barred', employer({ barredUntil: '2025-03-09' })).status).toBe('pass');
    expect(cond('employer_not_barred').status).toBe('pass');
    expect(cond('employer_not_barred', { employer: undefined }).status).toBe('unknown');
  });
});

describe('insured_by_filing_unit (政策解读 四: the payer must be the unit holding the labour contract)', () => {
  it('passes when the application month is paid by the filing unit (the favourable default of employerMatchesContract)', () => {
    const c = cond('insured_by_filing_unit');
    expect(c.status).toBe('pass');
    expect(c.citations.join('')).toContain('四');
  });
  it('fails, naming the month, when the run covering the application month was paid by another unit', () => {
    const other = {
      contributions: [{ from: '2024-06', to: null, base: 9000, employerMatchesContract: false }],
    };
    const c = cond('insured_by_filing_unit', other);
    expect(c.status).toBe('fail');
    expect(c.reason).toContain('2025-03');
    expect(c.reason).toContain('不是申请单位');
    expect(run(other).eligible).toBe(false);
  });
  it('only the run covering the application month decides: an earlier employer is not a mismatch', () => {
    const earlier = {
      contributions: [
        { from: '2023-01', to: '2024-05', base: 8000, employerMatchesContract: false },
        { from: '2024-06', to: null, base: 9000 },
      ],
    };
    expect(cond('insured_by_filing_unit', earlier).status).toBe('pass');
  });
  it('is unknown with no contribution in the application month (contributing_in_application_month fails)', () => {
    const stopped = { contributions: [{ from: '2024-06', to: '2025-02', base: 9000 }] };
    expect(cond('insured_by_filing_unit', stopped).status).toBe('unknown');
    expect(cond('contributing_in_application_month', stopped).status).toBe('fail');
  });
});

describe('account_creation_allowed', () => {
  // Permit collected Tue 2025-09-30; 10-01..10-08 are 国庆/中秋 holidays; Sat 10-11 is a 调休 working day.
  // Working days after the issue day: 10-09 (1st), 10-10 (2nd), 10-11 (3rd).
  const holiday = (asOf: string) =>
    cond('account_creation_allowed', {
      asOf,
      ...permit({ issuedOn: '2025-09-30', validUntil: '2028-09-29', endorsedUntil: '2026-09-29' }),
      contributions: [{ from: '2024-06', to: null, base: 9000 }],
    });

  it('fails on the 2nd working day after issue, across the National Day holiday', () => {
    const c = holiday('2025-10-10');
    expect(c.status).toBe('fail');
    expect(c.detail).toMatchObject({ issuedOn: '2025-09-30', earliest: '2025-10-11' });
    expect(c.reason).toContain('2025-10-11');
  });
  it('passes from the 3rd working day (a 调休 Saturday)', () =>
    expect(holiday('2025-10-11').status).toBe('pass'));
  it('does not count the issue day itself', () => {
    // Issued Mon 2025-03-03: Tue 1st, Wed 2nd, Thu 03-06 3rd.
    expect(
      cond('account_creation_allowed', { asOf: '2025-03-05', ...permit({ issuedOn: '2025-03-03' }) }).status,
    ).toBe('fail');
    expect(
      cond('account_creation_allowed', { asOf: '2025-03-06', ...permit({ issuedOn: '2025-03-03' }) }).status,
    ).toBe('pass');
  });
  it('fails with calendar_year_missing for a year without calendar data, never guessing', () => {
    const only2025 = new WorkCalendar(readCalendarYears(DEFAULT_CALENDAR_DIR).filter((y) => y.year === 2025));
    const c = cond('account_creation_allowed', {}, only2025); // issued 2024-01-05
    expect(c.status).toBe('fail');
    expect(c.detail).toMatchObject({ error: 'calendar_year_missing', year: 2024 });
    expect(c.reason).toContain('2024');
  });
  it('is unknown without a permit', () =>
    expect(cond('account_creation_allowed', { permit: undefined }).status).toBe('unknown'));
});
