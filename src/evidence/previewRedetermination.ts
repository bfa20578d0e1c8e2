import type { Kysely } from 'kysely';
import { applyReviewedFacts, engineFacts, type CaseDeps } from '../cases/index.js';
import type { ResultItem, ScoreResult } from '../engine/types.js';
import { JifenError } from '../shared/errors.js';
import { getCaseOrThrow } from '../storage/caseRepository.js';
import { listDeterminations } from '../storage/determinationRepository.js';
import type { Database } from '../storage/schema.js';
import type { Actor } from '../workflow/index.js';
import { readableCase } from './downloadEvidence.js';

export interface PreviewSide {
  total: number;
  items: { id: string; label: string; points: number }[];
}

class Rollback extends Error {}

const side = (r: ScoreResult | undefined, total: number): PreviewSide => ({
  total,
  items: ((r?.items ?? []) as ResultItem[]).map((i) => ({
    id: i.id,
    label: i.label ?? i.id,
    points: i.points,
  })),
});

/**
 * What a changed reconsideration decision would determine (issue 15): the
 * engine on the case's facts with the reviewed facts applied, computed in a
 * transaction that is always rolled back — nothing is written and no number
 * is typed; the decision itself recomputes the same way. For the deciding
 * officers only (the district approver of the case's district, the city).
 */
export async function previewRedetermination(
  db: Kysely<Database>,
  req: { actor: Actor; caseId: string; now: string },
  deps: Pick<CaseDeps, 'rules'>,
): Promise<{ before: PreviewSide; after: PreviewSide }> {
  if (!['district_approver', 'city_supervisor'].includes(req.actor.role))
    throw new JifenError('forbidden', '只有作出复核决定的人员可以预览重新核定结果', [], { reason: 'role' });
  await readableCase(db, req.actor, req.caseId);
  const determinations = await listDeterminations(db, req.caseId);
  const current = determinations[determinations.length - 1];
  if (!current) throw new JifenError('invalid_transition', '本案尚无核定结果', [], { caseId: req.caseId });
  let after: PreviewSide | undefined;
  try {
    await db.transaction().execute(async (tx) => {
      const row = await getCaseOrThrow(tx, req.caseId);
      await applyReviewedFacts(tx, row.id, req.now);
      const facts = await engineFacts(tx, row, row.acceptanceDate ?? current.acceptanceDate, deps.rules);
      after = side(facts.result, facts.result.total);
      throw new Rollback();
    });
  } catch (e) {
    if (!(e instanceof Rollback)) throw e;
  }
  return { before: side(current.explanation as ScoreResult, current.total), after: after! };
}
