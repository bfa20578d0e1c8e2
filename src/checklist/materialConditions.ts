import type { Profile } from '../profile/profileSchema.js';
import { awardFailure } from '../engine/indicators/award.js';
import { fullYearsBetween, isoMonthToIndex, parseIsoDate, type Ymd } from '../shared/dates.js';

/** What a condition reads: the profile, its `asOf`, and the catalogue's own parameters. */
export interface ConditionInput {
  profile: Profile;
  asOf: Ymd;
  asOfMonth: number;
  highSchoolChildMinAge: number;
}

/** Who the item is for, when it is not the holder alone (e.g. "第2名子女"). */
export type Holds = false | { subjects?: string[] };

export interface MaterialCondition {
  /** The claimed indicator ids (or 'basic' | 'family') a material needed under this condition serves. */
  neededFor: readonly string[];
  holds(input: ConditionInput): Holds;
}

const yes = (b: boolean): Holds => (b ? {} : false);

/** A month run counts as claimed when it starts on or before the application month (later facts are ignored). */
const startedBy = (runs: ReadonlyArray<{ from: string }> | undefined, month: number): boolean =>
  (runs ?? []).some((r) => isoMonthToIndex(r.from) <= month);

/** Children who will use the benefits (listed children do unless `usesBenefits: false`), born by `asOf`. */
function childrenUsing({ profile }: ConditionInput) {
  return (profile.family?.children ?? [])
    .map((c, i) => ({ c, label: `第${i + 1}名子女`, birth: parseIsoDate(c.birthDate)! }))
    .filter(({ c }) => c.usesBenefits !== false && c.birthDate <= profile.asOf);
}

const subjects = (labels: string[]): Holds => (labels.length ? { subjects: labels } : false);

/**
 * The conditions the catalogue (rules/catalogues/materials.yaml) may name, by id. A condition is
 * about what the profile *claims* (states), not whether the claim scores: the counter checks the
 * papers, the engine the points.
 */
export const MATERIAL_CONDITIONS = {
  basic: { neededFor: ['basic'], holds: () => ({}) },
  dispatched: { neededFor: ['basic'], holds: ({ profile }) => yes(profile.employment?.dispatched === true) },

  education: { neededFor: ['education'], holds: ({ profile }) => yes((profile.education ?? []).length > 0) },
  // 以高等教育自学考试、成人高等学历、网络高等学历教育毕业证书申请积分的: the profile says so with fullTime: false.
  education_not_full_time: {
    neededFor: ['education'],
    holds: ({ profile }) => yes((profile.education ?? []).some((e) => e.fullTime === false)),
  },
  education_foreign: {
    neededFor: ['education'],
    holds: ({ profile }) => yes((profile.education ?? []).some((e) => e.foreign === true)),
  },

  qualification: {
    neededFor: ['qualification'],
    holds: ({ profile }) => yes((profile.qualifications ?? []).length > 0),
  },
  title: {
    neededFor: ['qualification'],
    holds: ({ profile }) => yes((profile.qualifications ?? []).some((q) => q.type === 'title')),
  },
  title_by_exam: {
    neededFor: ['qualification'],
    holds: ({ profile }) =>
      yes((profile.qualifications ?? []).some((q) => q.type === 'title' && q.route === 'exam')),
  },
  title_route_unstated: {
    neededFor: ['qualification'],
    holds: ({ profile }) =>
      yes((profile.qualifications ?? []).some((q) => q.type === 'title' && q.route === undefined)),
  },
  certificate: {
    neededFor: ['qualification'],
    holds: ({ profile }) => yes((profile.qualifications ?? []).some((q) => q.type === 'certificate')),
  },
  certificate_registration: {
    neededFor: ['qualification'],
    holds: ({ profile }) =>
      yes(
        (profile.qualifications ?? []).some(
          (q) => q.type === 'certificate' && q.requiresRegistration === true,
        ),
      ),
  },
  skill: {
    neededFor: ['qualification'],
    holds: ({ profile }) => yes((profile.qualifications ?? []).some((q) => q.type === 'skill')),
  },
  skill_outside_shanghai: {
    neededFor: ['qualification'],
    holds: ({ profile }) =>
      yes(
        (profile.qualifications ?? []).some(
          (q) => q.type === 'skill' && q.obtainedWhileWorkingInShanghai === false,
        ),
      ),
  },

  // Both insurance indicators are scored from the same contribution record.
  insurance: {
    neededFor: ['insurance_years', 'insurance_base'],
    holds: ({ profile, asOfMonth }) => yes(startedBy(profile.contributions, asOfMonth)),
  },

  // Neither route counts without the holder's own investment (验资报告; 细则 第四条（二）4).
  investment: {
    neededFor: ['investment'],
    holds: ({ profile }) =>
      yes(
        profile.investment?.invested !== false &&
          ((profile.investment?.annualTax ?? []).some((t) => t > 0) ||
            (profile.investment?.hukouEmployees ?? []).some((n) => n > 0)),
      ),
  },
  investment_tax: {
    neededFor: ['investment'],
    holds: ({ profile }) =>
      yes(profile.investment?.invested !== false && (profile.investment?.annualTax ?? []).some((t) => t > 0)),
  },
  investment_employment: {
    neededFor: ['investment'],
    holds: ({ profile }) =>
      yes(
        profile.investment?.invested !== false &&
          (profile.investment?.hukouEmployees ?? []).some((n) => n > 0),
      ),
  },

  startup_talent: {
    neededFor: ['startup_talent'],
    holds: ({ profile }) => yes(profile.startupTalent === true),
  },
  tech_transfer_talent: {
    neededFor: ['tech_transfer_talent'],
    holds: ({ profile }) => yes(profile.techTransferTalent === true),
  },
  // Only an award that can count (解读七): dated by asOf, obtained in Shanghai, on the catalogue, filed.
  award: {
    neededFor: ['award'],
    holds: ({ profile }) => yes((profile.awards ?? []).some((a) => !awardFailure(a, profile.asOf))),
  },
  spouse_hukou: {
    neededFor: ['spouse_hukou'],
    // A marriage dated after asOf is ignored, like every later fact (docs/spec/profile.md).
    holds: ({ profile }) =>
      yes(
        profile.spouse?.shanghaiHukou === true &&
          (profile.spouse.marriageDate ?? profile.asOf) <= profile.asOf,
      ),
  },
  shortage_major: {
    neededFor: ['shortage_major'],
    holds: ({ profile }) => yes(profile.shortageMajor?.onCatalog === true),
  },
  key_area: {
    neededFor: ['key_area'],
    holds: ({ profile, asOfMonth }) => yes(startedBy(profile.keyArea, asOfMonth)),
  },
  public_service: {
    neededFor: ['public_service'],
    holds: ({ profile, asOfMonth }) => yes(startedBy(profile.publicService, asOfMonth)),
  },
  fresh_graduate: {
    neededFor: ['fresh_graduate'],
    holds: ({ profile }) => yes(profile.freshGraduate === true),
  },

  // 细则 第四条（三）: the family members who will use the benefits.
  family_spouse: {
    neededFor: ['family'],
    holds: ({ profile }) => yes(profile.family?.spouseUsesBenefits === true),
  },
  family_any: {
    neededFor: ['family'],
    holds: (input) =>
      yes(input.profile.family?.spouseUsesBenefits === true || childrenUsing(input).length > 0),
  },
  family_child: {
    neededFor: ['family'],
    holds: (input) => subjects(childrenUsing(input).map((c) => c.label)),
  },
  // 满16周岁以上: the 16th birthday reached on or before asOf (周岁, as for the holder's age).
  family_child_high_school: {
    neededFor: ['family'],
    holds: (input) =>
      subjects(
        childrenUsing(input)
          .filter(
            ({ c, birth }) =>
              c.fullTimeHighSchool === true &&
              fullYearsBetween(birth, input.asOf) >= input.highSchoolChildMinAge,
          )
          .map((c) => c.label),
      ),
  },
} as const satisfies Record<string, MaterialCondition>;

export type MaterialConditionId = keyof typeof MATERIAL_CONDITIONS;
export const MATERIAL_CONDITION_IDS = Object.keys(MATERIAL_CONDITIONS) as [
  MaterialConditionId,
  ...MaterialConditionId[],
];
