/**
 * A changed reconsideration decision takes the facts the reviewer accepted
 * (issue 15) as the case's claims of their indicators, verified: the claim is
 * the fact's detail as the applicant gave it and the reviewer checked it
 * against the evidence — nothing is retyped at the decision — and the
 * indicator's review task is passed with the review's note. The engine then
 * recomputes from the profile (engineFacts reads claims and passed tasks).
 * Rejected facts change nothing.
 */
import type { Transaction } from 'kysely';
import { replaceClaimedIndicator } from '../../storage/caseRepository.js';
import { listReconsiderationFacts } from '../../storage/reconsiderationFactRepository.js';
import { pendingReconsiderationId } from '../../storage/reconsiderationRepository.js';
import { passReviewTask } from '../../storage/reviewTaskRepository.js';
import type { Database } from '../../storage/schema.js';

export async function applyReviewedFacts(
  tx: Transaction<Database>,
  caseId: string,
  now: string,
): Promise<string[]> {
  const pendingId = await pendingReconsiderationId(tx, caseId);
  if (!pendingId) return [];
  const accepted = (await listReconsiderationFacts(tx, caseId, pendingId)).filter(
    (f) => f.status === 'accepted',
  );
  for (const f of accepted) {
    await replaceClaimedIndicator(tx, caseId, { indicator: f.indicator, detail: f.detail }, now);
    const note = `复核中经核实：${f.reviewNote ?? ''}`.slice(0, 500);
    await passReviewTask(tx, {
      caseId,
      indicator: f.indicator,
      reviewedBy: f.reviewedBy,
      outcomeNote: note,
      now,
    });
  }
  return accepted.map((f) => f.indicator);
}
