/**
 * Builds the engine's profile of one holder from what the system holds, never
 * from numbers typed at determination: the shared registries (social-insurance
 * months, education verifications, household records, permits), the unit as
 * registered, penalties on record, and the indicators the unit claimed.
 *
 * `basis: 'claimed'` (pre-check and checklist at submission) uses every claim;
 * `basis: 'verified'` (determination) uses only the claims whose review task
 * passed — a failed or unreviewed claim scores nothing.
 */
import { validateProfile } from '../../profile/validateProfile.js';
import { educationSchema, type EmployerKind, type Profile } from '../../profile/profileSchema.js';
import { isoMonthToIndex } from '../../shared/dates.js';
import type { Executor } from '../../storage/dialectSpecifics.js';
import { holderBirthDate } from '../../storage/holderRepository.js';
import {
  listHouseholdRecords,
  listInsuranceMonths,
  listVerifiedEducation,
} from '../../storage/registryRepository.js';
import { listFalseMaterialRecords } from '../../storage/supervisionRepository.js';
import type { Database, PermitRow, UnitKind, UnitRow } from '../../storage/schema.js';
import type { DeclaredFacts } from '../../contract/claims.js';

type Tx = Executor<Database>;

/** The one place where storage's unit kinds meet the profile's employer kinds. */
export const EMPLOYER_KIND_OF_UNIT: Record<UnitKind, EmployerKind> = {
  enterprise: 'enterprise',
  public_institution: 'institution',
  social_organization: 'social_organization',
  private_non_enterprise: 'private_non_enterprise',
  individual_business: 'individual_business',
  representative_office: 'representative_office',
  branch: 'branch',
};

export const DECLARED_FACTS = 'declared_facts';

export interface ProfileSources {
  holderId: string;
  unit: UnitRow;
  permit: PermitRow | undefined;
  asOf: string;
  claims: { indicator: string; detail: Record<string, unknown> }[];
  basis: 'claimed' | 'verified';
  /** Indicators whose review task passed (basis 'verified'). */
  passed?: ReadonlySet<string>;
}

/**
 * Consecutive registry months with the same payer, base and back-payment flag become one contribution
 * run. A run the filing unit did not pay that covers the application month is marked
 * `employerMatchesContract: false`: the filing unit holds the labour contract, and insurance paid by
 * another unit is no basis for points (政策解读 四) — the pre-check names it (insured_by_filing_unit).
 * Earlier employers' runs are their own contracts' and stay valid.
 */
function contributionRuns(
  months: { month: string; baseFen: number; backPaid: boolean; unitCreditCode: string }[],
  filingUnitCreditCode: string,
  asOfMonth: string,
) {
  const runs: {
    from: string;
    to: string;
    base: number;
    backPaid?: boolean;
    employerMatchesContract?: boolean;
  }[] = [];
  let prev: { idx: number; baseFen: number; backPaid: boolean; payer: string } | undefined;
  for (const m of months) {
    const idx = isoMonthToIndex(m.month);
    const last = runs[runs.length - 1];
    if (
      last &&
      prev &&
      idx === prev.idx + 1 &&
      m.baseFen === prev.baseFen &&
      m.backPaid === prev.backPaid &&
      m.unitCreditCode === prev.payer
    ) {
      last.to = m.month;
    } else {
      runs.push({
        from: m.month,
        to: m.month,
        base: m.baseFen / 100,
        ...(m.backPaid ? { backPaid: true } : {}),
      });
    }
    if (m.month === asOfMonth && m.unitCreditCode !== filingUnitCreditCode)
      runs[runs.length - 1]!.employerMatchesContract = false;
    prev = { idx, baseFen: m.baseFen, backPaid: m.backPaid, payer: m.unitCreditCode };
  }
  return runs;
}

export async function buildProfile(tx: Tx, src: ProfileSources): Promise<Profile> {
  const birthDate = await holderBirthDate(tx, src.holderId);
  const asOfMonth = src.asOf.slice(0, 7);
  const months = await listInsuranceMonths(tx, src.holderId, { to: asOfMonth });
  const uses = (indicator: string): boolean =>
    src.claims.some((c) => c.indicator === indicator) &&
    (src.basis === 'claimed' || (src.passed?.has(indicator) ?? false));
  const claim = (indicator: string) => src.claims.find((c) => c.indicator === indicator)?.detail ?? {};

  const profile: Record<string, unknown> = { asOf: src.asOf, birthDate };
  const runs = contributionRuns(
    months.map((m) => ({ ...m, baseFen: Number(m.baseFen) })),
    src.unit.creditCode,
    asOfMonth,
  );
  if (runs.length > 0) profile.contributions = runs;

  if (uses('education')) {
    const rows = await listVerifiedEducation(tx, src.holderId, src.asOf);
    const education = rows
      .filter((r) => r.level !== 'senior_high')
      .map((r) =>
        educationSchema.parse({
          level: r.level,
          degree: r.degree,
          fullTime: r.fullTime,
          foreign: r.foreignDegree,
          recognized: r.recognized,
          ...(r.majorCode && r.majorName ? { major: { code: r.majorCode, name: r.majorName } } : {}),
        }),
      );
    if (education.length > 0) profile.education = education;
  }
  if (uses('spouse_hukou')) {
    const household = await listHouseholdRecords(tx, src.holderId, { to: src.asOf });
    const marriage = household.filter((h) => h.recordType === 'marriage').pop();
    const divorce = household.filter((h) => h.recordType === 'divorce').pop();
    const married =
      marriage !== undefined && (divorce === undefined || divorce.eventDate < marriage.eventDate);
    if (married) {
      profile.spouse = {
        shanghaiHukou: household.some((h) => h.recordType === 'spouse_shanghai_hukou'),
        marriageDate: marriage.eventDate,
      };
    }
  }
  if (uses('qualification')) profile.qualifications = claim('qualification').qualifications;
  if (uses('shortage_major')) profile.shortageMajor = claim('shortage_major');
  if (uses('startup_talent')) profile.startupTalent = true;
  if (uses('tech_transfer_talent')) profile.techTransferTalent = true;
  if (uses('investment')) profile.investment = claim('investment');
  if (uses('public_service')) profile.publicService = claim('public_service').periods;
  if (uses('key_area')) profile.keyArea = claim('key_area').periods;
  if (uses('fresh_graduate')) profile.freshGraduate = true;
  if (uses('award')) profile.awards = claim('award').awards;

  // Penalties on record (细则 第十四条; docs/spec/rules.md §5 −150 for 3 years).
  const penalties = await listFalseMaterialRecords(tx, src.holderId, src.asOf);
  if (penalties.length > 0)
    profile.records = penalties.map((p) => ({
      type: 'false_material',
      date: p.effectiveFrom,
      ...(p.serious ? { serious: true } : {}),
    }));

  if (src.permit) {
    profile.permit = {
      issuedOn: src.permit.issuedOn,
      validUntil: src.permit.validUntil,
      endorsedUntil: src.permit.endorsedUntil,
      status: src.permit.status,
    };
  }
  const u = src.unit;
  profile.employer = {
    district: u.district,
    kind: EMPLOYER_KIND_OF_UNIT[u.kind],
    registeredInShanghai: true,
    operatingNormally: u.operatingStatus === 'normal',
    paysTaxInShanghai: u.taxStatus === 'paying',
    ...(u.barredUntil ? { barredUntil: u.barredUntil } : {}),
  };
  const declared = src.claims.find((c) => c.indicator === DECLARED_FACTS)?.detail as
    DeclaredFacts | undefined;
  profile.employedAtOutOfTownBranch = declared?.employedAtOutOfTownBranch ?? false;
  if (declared?.employment) profile.employment = declared.employment;
  if (declared?.family) profile.family = declared.family;
  return validateProfile(profile);
}
