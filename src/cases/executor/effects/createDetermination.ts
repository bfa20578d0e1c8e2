import { JifenError } from '../../../shared/errors.js';
import { insertDetermination } from '../../../storage/determinationRepository.js';
import type { DeterminationReason as StoredReason } from '../../../storage/schema.js';
import { insertCorrection } from '../../../storage/supervisionRepository.js';
import type { DeterminationReason } from '../../../workflow/index.js';
import type { EffectHandler } from '../effectEnv.js';

/** Storage keeps five reasons; the workflow's finer reason is frozen in the result document. */
const STORED_REASON: Record<DeterminationReason, StoredReason> = {
  initial: 'initial',
  adjustment: 'adjustment',
  decrease: 'adjustment',
  correction: 'correction',
  reconsideration_district: 'reconsideration',
  reconsideration_city: 'reconsideration',
};

/** 积分核定: the engine's result on the verified facts, frozen with the facts; a correction links what it replaces. */
export const createDetermination: EffectHandler<'create_determination'> = async (e, env) => {
  const { caseId, now } = env;
  const engine = env.context.engine;
  if (!engine) throw new Error('create_determination without an engine result');
  const created = await insertDetermination(env.tx, {
    caseId,
    reason: STORED_REASON[e.reason],
    rulesVersion: engine.result.rulesVersion,
    acceptanceDate: e.rulesAsOf,
    total: engine.result.total,
    // Frozen: the whole result, the facts it was computed from, and the workflow's reason.
    result: {
      determinationReason: e.reason,
      seq: e.seq,
      supersedesSeq: e.supersedesSeq,
      rulesVersion: engine.result.rulesVersion,
      dataRevision: engine.result.dataRevision,
      rulesAsOf: e.rulesAsOf,
      total: engine.result.total,
      qualified: engine.result.qualified,
      provisional: engine.result.provisional,
      vetoed: engine.result.vetoed,
      warnings: engine.result.warnings,
      facts: engine.profile,
    },
    explanation: engine.result,
    decidedBy: env.actor.id,
    decidedAt: now,
  });
  if (created.sequence !== e.seq)
    throw new JifenError('conflict', '该申请的核定结果已被他人更新，请刷新后重试', [], {
      caseId,
      expected: e.seq,
      got: created.sequence,
    });
  if (e.reason === 'correction' && created.supersedes !== null) {
    await insertCorrection(env.tx, {
      caseId,
      determinationId: created.supersedes,
      newDeterminationId: created.id,
      reason: env.context.correctionReason ?? '',
      decidedBy: env.actor.id,
      decidedAt: now,
    });
  }
  env.created = created;
  env.docs.determination = {
    id: created.id,
    sequence: created.sequence,
    total: created.total,
    verificationCode: created.verificationCode,
    rulesVersion: created.rulesVersion,
  };
};
