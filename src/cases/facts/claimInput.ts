/** The claims a unit files (申报指标) and the declared facts, validated per indicator. */
import { z } from '../../shared/zodLocale.js';
import { JifenError, jsonPath } from '../../shared/errors.js';
import { setClaimedIndicators } from '../../storage/caseRepository.js';
import type { Executor } from '../../storage/dialectSpecifics.js';
import type { Database } from '../../storage/schema.js';
import { CLAIM_DETAIL, CLAIMABLE, DECLARED_FACTS, declaredFactsSchema } from './profileFromRecords.js';

export const claimsSchema = z
  .array(
    z.strictObject({ indicator: z.enum(CLAIMABLE), detail: z.record(z.string(), z.unknown()).optional() }),
  )
  .max(CLAIMABLE.length)
  .superRefine((claims, ctx) => {
    const seen = new Set<string>();
    claims.forEach((c, i) => {
      if (seen.has(c.indicator))
        ctx.addIssue({ code: 'custom', path: [i, 'indicator'], message: `指标 ${c.indicator} 重复申报` });
      seen.add(c.indicator);
      const parsed = CLAIM_DETAIL[c.indicator].safeParse(c.detail ?? {});
      if (!parsed.success)
        for (const issue of parsed.error.issues)
          ctx.addIssue({
            code: 'custom',
            path: [i, 'detail', ...issue.path.map((k) => (typeof k === 'symbol' ? String(k) : k))],
            message: issue.message,
          });
    });
  });

export const declaredSchema = declaredFactsSchema;

export type ClaimsInput = z.input<typeof claimsSchema>;

export async function writeClaims(
  tx: Executor<Database>,
  caseId: string,
  claims: z.output<typeof claimsSchema>,
  declared: z.output<typeof declaredSchema> | undefined,
  now: string,
  options: { fresh?: boolean } = {},
): Promise<void> {
  const rows = claims.map((c) => ({
    indicator: c.indicator as string,
    detail: (c.detail ?? {}) as Record<string, unknown>,
  }));
  if (declared) rows.push({ indicator: DECLARED_FACTS, detail: declared as Record<string, unknown> });
  await setClaimedIndicators(tx, caseId, rows, now, options);
}

export function notFound(
  what: string,
  detail: Record<string, unknown>,
  path: (string | number)[],
): JifenError {
  return new JifenError(
    'not_found',
    `${what}不存在`,
    [{ path: jsonPath(path), message: `${what}不存在` }],
    detail,
  );
}
