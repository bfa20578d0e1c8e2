/** Stores the claims a unit files (申报指标) and the declared facts (their schemas: src/contract/claims.ts). */
import type { z } from '../../shared/zodLocale.js';
import { JifenError, jsonPath } from '../../shared/errors.js';
import { setClaimedIndicators } from '../../storage/caseRepository.js';
import type { Executor } from '../../storage/dialectSpecifics.js';
import type { Database } from '../../storage/schema.js';
import type { claimsSchema, declaredFactsSchema } from '../../contract/claims.js';
import { DECLARED_FACTS } from './profileFromRecords.js';

export async function writeClaims(
  tx: Executor<Database>,
  caseId: string,
  claims: z.output<typeof claimsSchema>,
  declared: z.output<typeof declaredFactsSchema> | undefined,
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
