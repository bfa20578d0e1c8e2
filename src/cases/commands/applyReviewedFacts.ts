/**
 * A changed reconsideration decision takes the facts the reviewer accepted
 * (issue 15) as the case's claims of their indicators, verified: the claim is
 * the fact's detail as the applicant gave it and the reviewer checked it
 * against the evidence — nothing is retyped at the decision — and the
 * indicator's review task is passed with the review's note. The engine then
 * recomputes from the profile (engineFacts reads claims and passed tasks).
 * Rejected facts change nothing.
 */
import { randomUUID } from 'node:crypto';
import type { Transaction } from 'kysely';
import { specificsOf } from '../../storage/dialectSpecifics.js';
import { toInstant } from '../../storage/instant.js';
import { listReconsiderationFacts } from '../../storage/reconsiderationFactRepository.js';
import type { Database } from '../../storage/schema.js';

export async function applyReviewedFacts(
  tx: Transaction<Database>,
  caseId: string,
  now: string,
): Promise<string[]> {
  const pending = await tx
    .selectFrom('reconsiderations')
    .select('id')
    .where('caseId', '=', caseId)
    .where('status', '=', 'requested')
    .orderBy('requestedAt', 'desc')
    .limit(1)
    .executeTakeFirst();
  if (!pending) return [];
  const accepted = (await listReconsiderationFacts(tx, caseId, pending.id)).filter(
    (f) => f.status === 'accepted',
  );
  const at = toInstant(now);
  const s = specificsOf(tx);
  for (const f of accepted) {
    await tx
      .deleteFrom('claimedIndicators')
      .where('caseId', '=', caseId)
      .where('indicator', '=', f.indicator)
      .execute();
    await tx
      .insertInto('claimedIndicators')
      .values({ caseId, indicator: f.indicator, detail: s.json(f.detail), claimedAt: at })
      .execute();
    const note = `复核中经核实：${f.reviewNote ?? ''}`.slice(0, 500);
    await tx
      .insertInto('reviewTasks')
      .values({
        id: randomUUID(),
        caseId,
        indicator: f.indicator,
        status: 'passed',
        assignedTo: f.reviewedBy,
        referredTo: null,
        referredAt: null,
        returnedAt: null,
        outcomeNote: note,
        createdAt: at,
        updatedAt: at,
      })
      .onConflict((oc) =>
        oc
          .columns(['caseId', 'indicator'])
          .doUpdateSet({ status: 'passed', outcomeNote: note, updatedAt: at }),
      )
      .execute();
  }
  return accepted.map((f) => f.indicator);
}
