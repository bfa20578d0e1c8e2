/** 受理 (细则 第五条): every checklist item ticked → 收件凭证 with a receipt number and the items received. */
import { acceptApplicationInput } from '../../contract/caseCommands.js';
import { caseUseCase } from './caseCommand.js';
import { materialLabels } from '../queries/materialLabels.js';

export const acceptApplication = caseUseCase({
  command: 'accept',
  what: '受理积分申请',
  input: acceptApplicationInput,
  prepare: async (input, p) => ({
    payload: { received: [...new Set(input.received)] },
    context: { materialLabels: await materialLabels(p.tx, p.snapshot.caseId) },
  }),
});
