import { JifenError } from '../../../shared/errors.js';
import { markListedMaterials } from '../../../storage/materialRepository.js';
import { insertOneTimeNotice } from '../../../storage/noticeRepository.js';
import { materialLabel, type EffectHandler } from '../effectEnv.js';

/** 一次性告知单: every missing or defective item at once, numbered per case as the machine numbered it. */
export const createNotice: EffectHandler<'create_notice'> = async (e, env) => {
  const { caseId } = env;
  const row = await insertOneTimeNotice(env.tx, {
    caseId,
    items: e.items.map((i) => ({
      code: i.itemId,
      label: materialLabel(env, i.itemId),
      reason: `${i.problem === 'missing' ? '缺少' : '有误'}：${i.reason}`,
    })),
    overrideReason: e.override ? `${e.override.supervisorId}: ${e.override.reason}` : null,
    issuedBy: env.actor.id,
    issuedAt: env.now,
  });
  if (row.sequence !== e.seq)
    throw new JifenError('conflict', '一次性告知单序号不一致，请刷新后重试', [], {
      caseId,
      expected: e.seq,
      got: row.sequence,
    });
  await markListedMaterials(
    env.tx,
    caseId,
    e.items.map((i) => ({
      code: i.itemId,
      status: i.problem === 'defective' ? 'defective' : 'required',
      defectReason: i.problem === 'defective' ? i.reason : null,
    })),
    env.actor.id,
    env.now,
  );
  env.docs.noticeSeq = row.sequence;
};
