/**
 * What a unit claims (申报指标) and the facts it declares, as the case commands take them
 * (caseCommands.ts), and the facts a reconsideration adds or corrects (issue 15): one claim per
 * indicator, its detail validated like the profile it becomes (src/cases/facts/profileFromRecords.ts
 * turns stored claims into the profile).
 */
import {
  awardSchema,
  familySchema,
  keyAreaSchema,
  periodSchema,
  qualificationSchema,
} from '../profile/profileSchema.js';
import { z } from '../shared/zodLocale.js';
import { text } from './inputFields.js';

/** Claimable indicators and the part of the profile each one supplies. */
export const CLAIMABLE = [
  'education',
  'qualification',
  'spouse_hukou',
  'shortage_major',
  'startup_talent',
  'tech_transfer_talent',
  'investment',
  'public_service',
  'key_area',
  'fresh_graduate',
  'award',
] as const;
export type ClaimableIndicator = (typeof CLAIMABLE)[number];

/** The detail each claim may carry (profile fragments, validated like the profile). */
export const CLAIM_DETAIL: Record<ClaimableIndicator, z.ZodType> = {
  // Education comes from the education-verification registry, not from the claim.
  education: z.strictObject({}),
  qualification: z.strictObject({ qualifications: z.array(qualificationSchema).min(1).max(20) }),
  // Spouse hukou and marriage come from the household registry.
  spouse_hukou: z.strictObject({}),
  shortage_major: z.strictObject({ onCatalog: z.boolean().optional(), matchesPost: z.boolean().optional() }),
  startup_talent: z.strictObject({}),
  tech_transfer_talent: z.strictObject({}),
  investment: z.strictObject({
    // 验资报告 (细则 第四条（二）4): the holder invested; the profile defaults it to true.
    invested: z.boolean().optional(),
    share: z.number().min(0).max(1).optional(),
    annualTax: z.array(z.number().nonnegative()).max(3).optional(),
    hukouEmployees: z.array(z.number().int().nonnegative()).max(3).optional(),
  }),
  public_service: z.strictObject({ periods: z.array(periodSchema).min(1).max(20) }),
  key_area: z.strictObject({ periods: z.array(keyAreaSchema).min(1).max(20) }),
  fresh_graduate: z.strictObject({}),
  award: z.strictObject({ awards: z.array(awardSchema).min(1).max(20) }),
};

/** Declared facts for the pre-check and the checklist (not scored, not reviewed). */
export const declaredFactsSchema = z.strictObject({
  employedAtOutOfTownBranch: z.boolean().optional(),
  employment: z.strictObject({ dispatched: z.boolean().optional() }).optional(),
  family: familySchema.optional(),
});
export type DeclaredFacts = z.output<typeof declaredFactsSchema>;

/**
 * One entry per indicator, each detail checked against CLAIM_DETAIL with its path under the entry:
 * what a claim at filing and a fact added at reconsideration have in common (so that a reviewed
 * fact can become the case's claim unchanged).
 */
const perIndicator = <S extends z.ZodObject>(entry: S, repeated: (indicator: string) => string) =>
  z
    .array(entry)
    .max(CLAIMABLE.length)
    .superRefine((entries, ctx) => {
      const seen = new Set<string>();
      entries.forEach((e, i) => {
        const { indicator, detail } = e as { indicator: ClaimableIndicator; detail?: unknown };
        if (seen.has(indicator))
          ctx.addIssue({ code: 'custom', path: [i, 'indicator'], message: repeated(indicator) });
        seen.add(indicator);
        const parsed = CLAIM_DETAIL[indicator].safeParse(detail ?? {});
        if (!parsed.success)
          for (const issue of parsed.error.issues)
            ctx.addIssue({
              code: 'custom',
              path: [i, 'detail', ...issue.path.map((k) => (typeof k === 'symbol' ? String(k) : k))],
              message: issue.message,
            });
      });
    });

/** The indicators a unit claims, each with the detail its part of the profile needs. */
export const claimsSchema = perIndicator(
  z.strictObject({ indicator: z.enum(CLAIMABLE), detail: z.record(z.string(), z.unknown()).optional() }),
  (indicator) => `指标 ${indicator} 重复申报`,
);
export type ClaimsInput = z.input<typeof claimsSchema>;

/** The items a reconsideration disputes, in the applicant's words. */
export const disputedSchema = z
  .array(z.strictObject({ indicator: z.string().trim().max(100).optional(), statement: text(500) }))
  .max(20);

/** Facts a reconsideration adds or corrects: one per indicator, validated exactly like a claim. */
export const reconsiderationFactsSchema = perIndicator(
  z.strictObject({
    indicator: z.enum(CLAIMABLE),
    detail: z.record(z.string(), z.unknown()).optional(),
    /** What the evidence shows, in the applicant's words (e.g. 2023年取得中级职称，申请时漏报). */
    statement: text(500),
  }),
  () => '同一指标只能补正一次',
);
