import { z } from 'zod';
import { EMPLOYER_KINDS } from '../profile/profileSchema.js';
import { isIsoDate, isIsoMonth } from '../shared/dates.js';

/**
 * The shape of the policy data in `rules/`. Loading validates every file with
 * these schemas, so a reviewer who edits the law-as-data gets the file and the
 * key path of any mistake instead of a wrong score.
 */

const isoDate = z.string().refine(isIsoDate, { message: '应为有效日期 YYYY-MM-DD' });
const isoMonth = z.string().refine(isIsoMonth, { message: '应为有效月份 YYYY-MM' });
const points = z.number().int();
const count = z.number().int().nonnegative();

export const citationSchema = z.strictObject({ instrument: z.string().min(1), article: z.string().min(1) });

export const instrumentsFileSchema = z.strictObject({
  instruments: z.record(
    z.string(),
    z.strictObject({ title: z.string().min(1), number: z.string().optional(), year: z.number().int().optional() }),
  ),
});

export const versionsFileSchema = z.strictObject({
  versions: z
    .array(
      z.strictObject({
        id: z.string().regex(/^v\d{4}$/),
        from: isoDate,
        to: isoDate,
        title: z.string().min(1),
        instruments: z.array(z.string()).min(1),
      }),
    )
    .min(1),
});

export const wagesFileSchema = z.strictObject({
  citation: citationSchema,
  figures: z.array(z.strictObject({ from: isoMonth, to: isoMonth, value: z.number().positive() })).min(1),
});

const tierSchema = z.strictObject({
  minRatio: z.number().positive(),
  points,
  windowMonths: count,
  requiredMonths: count,
});

const areaIds = ['lingang', 'lingang_old', 'new_town', 'north_south', 'other_key'] as const;
export const keyAreaIdSchema = z.enum(areaIds);

/** The value schema of every parameter, by parameter key. `null` means "not in force". */
export const parameterValueSchemas = {
  standard: z.number().int().positive(),
  age: z.strictObject({
    baseFromAge: count,
    baseToAge: count,
    basePoints: points,
    pointsPerYearYounger: points,
    max: points,
  }),
  education: z.strictObject({
    associate: points,
    bachelorWithoutDegree: points,
    bachelorWithDegree: points,
    masterWithDegree: points,
    doctorWithDegree: points,
    postgraduateWithoutDegreeScoresAs: z.literal('bachelorWithoutDegree'),
  }),
  qualification: z.strictObject({
    title: z.strictObject({ junior: points, intermediate: points, senior: points }),
    skill: z.strictObject({ '1': points, '2': points, '3': points, '4': points, '5': points }),
    baseCondition: z.strictObject({
      appliesFromPoints: points,
      windowMonths: count,
      requiredMonths: count,
      minRatio: z.number().positive(),
    }),
    skillCatalogRequired: z.boolean(),
    nonlocalSkillMinLevel: z.number().int().min(1).max(5),
    alternativeToEducation: z.literal(true),
  }),
  insurance_years: z.strictObject({ pointsPerFullYear: points, monthsPerYear: z.literal(12) }),
  valid_month: z.strictObject({
    excludeBackPaid: z.boolean(),
    requireEmployerMatchesContract: z.boolean(),
    requireTaxConsistent: z.boolean(),
    countMonthsBeforeApplicationMonth: z.literal(true),
  }),
  insurance_base: z.strictObject({ tiers: z.array(tierSchema).min(1) }),
  startup_talent: z.strictObject({ points }).nullable(),
  tech_transfer_talent: z.strictObject({ points }).nullable(),
  shortage_major: z.strictObject({ points, requiresEducationPoints: z.boolean() }),
  investment: z.strictObject({
    years: z.number().int().positive(),
    taxStep: z.number().positive(),
    pointsPerTaxStep: points,
    employeeStep: z.number().int().positive(),
    pointsPerEmployeeStep: points,
    cap: points,
  }),
  public_service: z.strictObject({ pointsPerFullYear: points, thresholdYears: count, cap: points.nullable() }),
  key_area: z.strictObject({
    pointsPerFullYear: points,
    cap: points,
    areas: z.partialRecord(keyAreaIdSchema, z.strictObject({ name: z.string(), thresholdYears: count })),
  }),
  fresh_graduate: z.strictObject({ points }),
  award: z.strictObject({ municipal_special: points, municipal_comprehensive: points, national: points }),
  spouse_hukou: z.strictObject({ pointsPerFullYear: points, cap: points }),
  false_material: z.strictObject({ pointsPerRecord: points.max(0), windowYears: z.number().int().positive() }),
  administrative_detention: z.strictObject({
    pointsPerRecord: points.max(0),
    windowYears: z.number().int().positive(),
  }),
  criminal_record: z.strictObject({ pointsPerRecord: points.max(0), windowYears: z.number().int().positive() }),
  veto_serious_crime: z.strictObject({ veto: z.literal(true) }).nullable(),
  veto_family_planning: z.strictObject({ veto: z.literal(true) }).nullable(),
  eligibility: z.strictObject({
    windowMonths: count,
    requiredValidMonths: count,
    personalBarYears: count,
    unitBarYears: count,
    accountAfterPermitWorkdays: count,
    countedMonths: z.enum(['not_back_paid', 'valid_month']),
    ineligibleEmployerKinds: z.array(z.enum(EMPLOYER_KINDS)),
    branchNeedsShanghaiTax: z.boolean(),
  }),
} as const;

export type ParameterKey = keyof typeof parameterValueSchemas;
export type ParameterValues = { [K in ParameterKey]: z.output<(typeof parameterValueSchemas)[K]> };
export const parameterKeys = Object.keys(parameterValueSchemas) as ParameterKey[];

export const parameterFileSchema = (valueSchema: z.ZodType) =>
  z.strictObject({
    parameter: z.string(),
    label: z.string().min(1),
    group: z.enum(['basic', 'bonus', 'deduction', 'veto']).optional(),
    description: z.string().min(1),
    values: z
      .array(
        z.strictObject({
          from: isoDate,
          to: isoDate,
          value: valueSchema,
          cite: z.array(citationSchema).min(1),
          note: z.string().optional(),
        }),
      )
      .min(1),
  });

export type Citation = z.output<typeof citationSchema>;
export type InstrumentsFile = z.output<typeof instrumentsFileSchema>;
export type VersionsFile = z.output<typeof versionsFileSchema>;
export type WagesFile = z.output<typeof wagesFileSchema>;
