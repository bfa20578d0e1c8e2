import { z } from '../shared/zodLocale.js';
import { DISTRICTS, type District } from '../shared/vocabulary.js';
import { isIsoDate, isIsoMonth } from '../shared/dates.js';
import { jsonPath, type FieldIssue } from '../shared/errors.js';

/**
 * The profile contract v1 (docs/spec/profile.md): the facts about one holder
 * as of one date. Strict: unknown fields are rejected, nothing is guessed.
 * Additive changes only; never rename or change the meaning of a field.
 */

export const isoDateSchema = z.string().refine(isIsoDate, { message: '应为真实存在的日期，格式 YYYY-MM-DD' });
export const isoMonthSchema = z.string().refine(isIsoMonth, { message: '应为真实存在的月份，格式 YYYY-MM' });
const money = z.number().finite().nonnegative({ message: '金额不能为负数' });

export const educationSchema = z.strictObject({
  level: z.enum(['associate', 'bachelor', 'master', 'doctor']),
  degree: z.boolean().optional(),
  fullTime: z.boolean().optional(),
  foreign: z.boolean().optional(),
  recognized: z.boolean().optional(),
  major: z.strictObject({ code: z.string().min(1).max(20), name: z.string().min(1).max(100) }).optional(),
});

const titleSchema = z.strictObject({
  type: z.literal('title'),
  level: z.enum(['junior', 'intermediate', 'senior']),
  route: z.enum(['exam', 'review']).optional(),
  matchesPost: z.boolean().optional(),
  obtainedWhileWorkingInShanghai: z.boolean().optional(),
});

const skillSchema = z.strictObject({
  type: z.literal('skill'),
  level: z
    .number()
    .int()
    .min(1, { message: '技能等级应为 1（一级）至 5（五级）' })
    .max(5, { message: '技能等级应为 1（一级）至 5（五级）' }),
  matchesPost: z.boolean().optional(),
  onShortageCatalog: z.boolean().optional(),
  obtainedWhileWorkingInShanghai: z.boolean().optional(),
  verifiedNationally: z.boolean().optional(),
});

const certificateSchema = z.strictObject({
  type: z.literal('certificate'),
  equivalentLevel: z.enum(['intermediate', 'senior']),
  requiresRegistration: z.boolean().optional(),
  registered: z.boolean().optional(),
  matchesPost: z.boolean().optional(),
});

export const qualificationSchema = z.discriminatedUnion(
  'type',
  [titleSchema, skillSchema, certificateSchema],
  {
    error: 'type 应为 title（职称）、skill（技能等级）或 certificate（职业资格）之一',
  },
);

export const contributionSchema = z.strictObject({
  from: isoMonthSchema,
  to: isoMonthSchema.nullable().optional(),
  base: money,
  backPaid: z.boolean().optional(),
  employerMatchesContract: z.boolean().optional(),
  taxConsistent: z.boolean().optional(),
});

export const periodSchema = z.strictObject({
  from: isoMonthSchema,
  to: isoMonthSchema.nullable().optional(),
});

/** One award (奖项), as the profile and a claim carry it. */
export const awardSchema = z.strictObject({
  level: z.enum(['municipal_special', 'municipal_comprehensive', 'national']),
  // Added 2026-12 (docs/spec/profile.md; 解读七, 细则 第四条（二）5): an award dated after asOf, not obtained
  // while working in Shanghai, not on the published catalogue or not filed (备案) contributes 0.
  date: isoDateSchema.optional(),
  obtainedWhileWorkingInShanghai: z.boolean().optional(),
  onCatalog: z.boolean().optional(),
  filed: z.boolean().optional(),
});

export const keyAreaSchema = z.strictObject({
  area: z.enum(['lingang', 'new_town', 'north_south', 'other_key', 'lingang_old']),
  from: isoMonthSchema,
  to: isoMonthSchema.nullable().optional(),
});

export const recordTypes = [
  'false_material',
  'administrative_detention',
  'criminal',
  'serious_criminal',
  'family_planning',
] as const;

// ---- Extensions for the eligibility pre-check and the materials checklist (docs/profile-extensions.md).
// Additive and optional: the engine ignores them, so a score never depends on them.

/** The 16 districts of Shanghai (docs/spec/workflow.md), as written on registrations. */
export { DISTRICTS };

/**
 * Kinds of employer (政策解读 一). `representative_office` is the 在沪办事处/部门 of an enterprise
 * not registered in Shanghai; `branch` is a 在沪分公司 of an enterprise registered elsewhere.
 */
export const EMPLOYER_KINDS = [
  'enterprise',
  'institution',
  'social_organization',
  'private_non_enterprise',
  'representative_office',
  'individual_business',
  'branch',
] as const;

/** The 上海市居住证 as of `asOf`: issued (领取) on, valid until, endorsed (签注) until, status. */
export const permitSchema = z.strictObject({
  issuedOn: isoDateSchema,
  validUntil: isoDateSchema,
  endorsedUntil: isoDateSchema.optional(),
  status: z.enum(['active', 'cancelled']),
});

/** The employer that files the application (用人单位), as registered. */
export const employerSchema = z.strictObject({
  district: z.enum(DISTRICTS),
  kind: z.enum(EMPLOYER_KINDS),
  registeredInShanghai: z.boolean(),
  operatingNormally: z.boolean(),
  paysTaxInShanghai: z.boolean(),
  /** Last day of a 3-year bar for false materials in a serious case (细则 第十四条), inclusive. */
  barredUntil: isoDateSchema.optional(),
});

export const childSchema = z.strictObject({
  birthDate: isoDateSchema,
  /** Defaults to true: a child is listed because it will use the benefits. */
  usesBenefits: z.boolean().optional(),
  fullTimeHighSchool: z.boolean().optional(),
});

/** The family members who will use the points benefits (细则 第四条（三）). */
export const familySchema = z.strictObject({
  spouseUsesBenefits: z.boolean().optional(),
  children: z.array(childSchema).max(20).optional(),
});

const yearly = (item: z.ZodType<number>) => z.array(item).max(3, { message: '最多填写最近3个年度' });

export const profileObjectSchema = z.strictObject({
  asOf: isoDateSchema,
  birthDate: isoDateSchema,
  education: z.array(educationSchema).max(20).optional(),
  qualifications: z.array(qualificationSchema).max(50).optional(),
  contributions: z.array(contributionSchema).max(600).optional(),
  shortageMajor: z
    .strictObject({ onCatalog: z.boolean().optional(), matchesPost: z.boolean().optional() })
    .optional(),
  startupTalent: z.boolean().optional(),
  techTransferTalent: z.boolean().optional(),
  investment: z
    .strictObject({
      // Added 2026-12: the holder invested in the enterprise (验资报告, 细则 第四条（二）4); default true.
      invested: z.boolean().optional(),
      share: z
        .number()
        .min(0, { message: '持股比例应在 0 到 1 之间' })
        .max(1, { message: '持股比例应在 0 到 1 之间' })
        .optional(),
      annualTax: yearly(money).optional(),
      hukouEmployees: yearly(z.number().int().nonnegative({ message: '人数不能为负数' })).optional(),
    })
    .optional(),
  publicService: z.array(periodSchema).max(100).optional(),
  keyArea: z.array(keyAreaSchema).max(100).optional(),
  freshGraduate: z.boolean().optional(),
  awards: z.array(awardSchema).max(50).optional(),
  spouse: z
    .strictObject({ shanghaiHukou: z.boolean().optional(), marriageDate: isoDateSchema.optional() })
    .optional(),
  records: z
    .array(
      z.strictObject({
        type: z.enum(recordTypes),
        date: isoDateSchema,
        /** false_material only: 情节严重 (细则 第十四条), which bars applying for 3 years. */
        serious: z.boolean().optional(),
      }),
    )
    .max(100)
    .optional(),
  permit: permitSchema.optional(),
  employer: employerSchema.optional(),
  /** 本市单位在外省市设立的分支机构的工作人员 (细则 第二条): not eligible. */
  employedAtOutOfTownBranch: z.boolean().optional(),
  /** Employment facts beyond the contributions: dispatched through a 人才/劳务派遣 agency. */
  employment: z.strictObject({ dispatched: z.boolean().optional() }).optional(),
  family: familySchema.optional(),
});

type Run = { from?: unknown; to?: unknown };
const asRuns = (v: unknown): Run[] | undefined =>
  Array.isArray(v) ? v.map((r) => (r && typeof r === 'object' ? (r as Run) : {})) : undefined;
const month = (v: unknown): string | undefined => (typeof v === 'string' && isIsoMonth(v) ? v : undefined);

function checkRuns(runs: Run[] | undefined, field: string, out: FieldIssue[], noOverlap: boolean) {
  if (!runs) return;
  runs.forEach((r, i) => {
    const from = month(r.from);
    const to = month(r.to);
    if (from && to && to < from)
      out.push({ path: jsonPath([field, i, 'to']), message: `结束月份 ${to} 早于开始月份 ${from}` });
  });
  if (!noOverlap) return;
  // One person has one Shanghai employee-insurance account at a time (docs/spec/profile.md).
  const order = runs.map((_, i) => i).filter((i) => month(runs[i]!.from));
  order.sort((a, b) => (month(runs[a]!.from)! < month(runs[b]!.from)! ? -1 : 1));
  for (let k = 1; k < order.length; k++) {
    const prev = runs[order[k - 1]!]!;
    const prevEnd = prev.to == null ? '9999-12' : month(prev.to);
    if (prevEnd && month(runs[order[k]!]!.from)! <= prevEnd)
      out.push({
        path: jsonPath([field, order[k]!]),
        message: `与第 ${order[k - 1]! + 1} 段缴费期间重叠（同一月份只能有一个本市职工社保缴费记录）`,
      });
  }
}

/**
 * Checks that span fields (a period's end before its start, overlapping
 * contribution runs, birth after the application date). They run on the raw
 * input, whatever else is wrong with it, so that every offending path is named
 * in one answer.
 */
export function crossFieldIssues(raw: unknown): FieldIssue[] {
  const out: FieldIssue[] = [];
  if (!raw || typeof raw !== 'object' || Array.isArray(raw)) return out;
  const p = raw as Record<string, unknown>;
  if (
    typeof p.birthDate === 'string' &&
    typeof p.asOf === 'string' &&
    isIsoDate(p.birthDate) &&
    isIsoDate(p.asOf) &&
    p.birthDate > p.asOf
  )
    out.push({ path: '$.birthDate', message: '出生日期晚于申请日期' });
  checkRuns(asRuns(p.contributions), 'contributions', out, true);
  checkRuns(asRuns(p.publicService), 'publicService', out, false);
  checkRuns(asRuns(p.keyArea), 'keyArea', out, false);
  extensionIssues(p, out);
  return out;
}

const date = (v: unknown): string | undefined => (typeof v === 'string' && isIsoDate(v) ? v : undefined);

/** Span checks of the extension fields (docs/profile-extensions.md). */
function extensionIssues(p: Record<string, unknown>, out: FieldIssue[]): void {
  const permit = p.permit;
  if (permit && typeof permit === 'object') {
    const { issuedOn, validUntil, endorsedUntil } = permit as Record<string, unknown>;
    const issued = date(issuedOn);
    if (issued && date(validUntil) && date(validUntil)! < issued)
      out.push({
        path: '$.permit.validUntil',
        message: `有效期截止日 ${String(validUntil)} 早于领取日 ${issued}`,
      });
    if (issued && date(endorsedUntil) && date(endorsedUntil)! < issued)
      out.push({
        path: '$.permit.endorsedUntil',
        message: `签注有效期截止日 ${String(endorsedUntil)} 早于领取日 ${issued}`,
      });
  }
  if (Array.isArray(p.records))
    p.records.forEach((r, i) => {
      if (r && typeof r === 'object' && 'serious' in r && (r as { type?: unknown }).type !== 'false_material')
        out.push({
          path: jsonPath(['records', i, 'serious']),
          message: '“情节严重”只适用于提供虚假材料记录（false_material）',
        });
    });
}

export const profileSchema = profileObjectSchema;

export type Profile = z.output<typeof profileObjectSchema>;
export type Contribution = z.output<typeof contributionSchema>;
export type Qualification = z.output<typeof qualificationSchema>;
export type Education = z.output<typeof educationSchema>;
export type Permit = z.output<typeof permitSchema>;
export type Employer = z.output<typeof employerSchema>;
export type EmployerKind = (typeof EMPLOYER_KINDS)[number];
export type { District };
export type Child = z.output<typeof childSchema>;
export type KeyAreaId = z.output<typeof keyAreaSchema>['area'];
