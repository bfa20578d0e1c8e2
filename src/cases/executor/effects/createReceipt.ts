import { markListedMaterials } from '../../../storage/materialRepository.js';
import { insertReceipt } from '../../../storage/noticeRepository.js';
import type { CaseSnapshot } from '../../../workflow/index.js';
import { materialLabel, type EffectHandler } from '../effectEnv.js';

/** The receipt number printed on the 收件凭证: district office, date, case, version. Unique per command. */
export const receiptNumber = (s: CaseSnapshot, today: string, version: number): string =>
  `SJ${today.replaceAll('-', '')}-${s.caseId
    .replace(/[^0-9A-Za-z]/g, '')
    .slice(-10)
    .toUpperCase()}-${version}`;

/** 收件凭证: the items received at the counter, printed by name; each listed material becomes received. */
export const createReceipt: EffectHandler<'create_receipt'> = async (e, env) => {
  const receiptNo = receiptNumber(env.after, env.today, env.after.version);
  await insertReceipt(env.tx, {
    caseId: env.caseId,
    receiptNo,
    items: e.items.map((code) => ({ code, label: materialLabel(env, code) })),
    issuedBy: env.actor.id,
    issuedAt: env.now,
  });
  await markListedMaterials(
    env.tx,
    env.caseId,
    e.items.map((code) => ({ code, status: 'received' })),
    env.actor.id,
    env.now,
  );
  env.docs.receiptNo = receiptNo;
};
