/** 受理 (细则 第五条): every checklist item ticked → 收件凭证 with a receipt number and the items received. */
import { z } from '../../shared/zodLocale.js';
import { caseUseCase } from './caseCommand.js';
import { materialLabels } from '../queries/materialLabels.js';

export const acceptApplicationInput = z.strictObject({
  received: z.array(z.string().trim().min(1).max(100)).min(1, { message: '须勾选收到的材料' }).max(200),
});

export const acceptApplication = caseUseCase({
  command: 'accept',
  what: '受理积分申请',
  input: acceptApplicationInput,
  prepare: async (input, p) => ({
    payload: { received: [...new Set(input.received)] },
    context: { materialLabels: await materialLabels(p.tx, p.snapshot.caseId) },
  }),
});
