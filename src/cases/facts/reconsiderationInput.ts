/**
 * What a reconsideration request may carry besides its grounds (issue 15):
 * the disputed items, and facts added or corrected — one claim per indicator,
 * validated exactly like a claim at filing (claimInput.ts), so that a reviewed
 * fact can become the case's claim unchanged.
 */
import { z } from '../../shared/zodLocale.js';
import { CLAIM_DETAIL, CLAIMABLE } from './profileFromRecords.js';
import { text } from '../validate.js';

export const disputedSchema = z
  .array(z.strictObject({ indicator: z.string().trim().max(100).optional(), statement: text(500) }))
  .max(20);

export const reconsiderationFactsSchema = z
  .array(
    z.strictObject({
      indicator: z.enum(CLAIMABLE),
      detail: z.record(z.string(), z.unknown()).optional(),
      /** What the evidence shows, in the applicant's words (e.g. 2023年取得中级职称，申请时漏报). */
      statement: text(500),
    }),
  )
  .max(CLAIMABLE.length)
  .superRefine((facts, ctx) => {
    const seen = new Set<string>();
    facts.forEach((f, i) => {
      if (seen.has(f.indicator))
        ctx.addIssue({ code: 'custom', path: [i, 'indicator'], message: '同一指标只能补正一次' });
      seen.add(f.indicator);
      const parsed = CLAIM_DETAIL[f.indicator].safeParse(f.detail ?? {});
      if (!parsed.success)
        for (const issue of parsed.error.issues)
          ctx.addIssue({
            code: 'custom',
            path: [i, 'detail', ...issue.path.map((k) => (typeof k === 'symbol' ? String(k) : k))],
            message: issue.message,
          });
    });
  });
