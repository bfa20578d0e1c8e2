/** 复核 (细则 第十二条): the request, and the decision — run after every other effect, as it links a new determination. */
import { JifenError } from '../../../shared/errors.js';
import { determinationIdBySequence } from '../../../storage/determinationRepository.js';
import {
  decideReconsideration,
  insertReconsideration,
  latestReconsiderationId,
} from '../../../storage/reconsiderationRepository.js';
import {
  insertReconsiderationFacts,
  recordFactReview,
} from '../../../storage/reconsiderationFactRepository.js';
import type { EffectEnv, EffectHandler } from '../effectEnv.js';

export const createReconsideration: EffectHandler<'create_reconsideration'> = async (e, env) => {
  const { caseId } = env;
  const about = await determinationIdBySequence(env.tx, caseId, e.aboutSeq);
  if (!about) throw new JifenError('not_found', '复核所涉核定结果不存在', [], { caseId, seq: e.aboutSeq });
  const previous = e.level === 'city' ? await latestReconsiderationId(env.tx, caseId, 'district') : undefined;
  const r = await insertReconsideration(env.tx, {
    caseId,
    determinationId: about,
    level: e.level,
    previousId: previous ?? null,
    requestedBy: env.actor.id,
    grounds: e.grounds,
    dueDate: e.due,
    ...(e.disputed ? { disputed: e.disputed } : {}),
    now: env.now,
  });
  // Issue 15: each added or corrected fact waits for a reviewer (reconsiderationFactRepository.ts).
  if (e.facts)
    await insertReconsiderationFacts(env.tx, {
      caseId,
      reconsiderationId: r.id,
      facts: e.facts,
      now: env.now,
    });
  env.docs.reconsiderationId = r.id;
};

/** 核实复核中补正的事实: the reviewer's finding on one fact, against its evidence. */
export const reviewReconsiderationFact: EffectHandler<'review_reconsideration_fact'> = (e, env) =>
  recordFactReview(env.tx, {
    factId: e.factId,
    result: e.result,
    note: e.note,
    by: env.actor.id,
    now: env.now,
  });

/** Kept until every other effect ran: a changed result links the determination created by the same command. */
export const createReconsiderationDecision: EffectHandler<'create_reconsideration_decision'> = async (
  e,
  env,
) => {
  env.decisions.push(e);
};

export async function decidePendingReconsiderations(env: EffectEnv): Promise<void> {
  const { caseId, created } = env;
  for (const d of env.decisions) {
    const pending = await latestReconsiderationId(env.tx, caseId, d.level, 'requested');
    if (!pending) throw new JifenError('not_found', '没有待决定的复核申请', [], { caseId, level: d.level });
    await decideReconsideration(env.tx, pending, {
      outcome: d.outcome,
      document: {
        level: d.level,
        outcome: d.outcome,
        reasons: d.reasons,
        decidedOn: d.decidedOn,
        newDeterminationSeq: created?.sequence ?? null,
      },
      decidedBy: env.actor.id,
      newDeterminationId: created?.id ?? null,
      now: env.now,
    });
    env.docs.reconsiderationId = pending;
  }
}
