/** 撤回 before acceptance (unit or holder); an adjustment withdrawn returns to the points in force. */
import { z } from '../../shared/zodLocale.js';
import { caseUseCase } from './caseCommand.js';

export const withdrawApplication = caseUseCase({
  command: 'withdraw',
  what: '撤回申请',
  input: z.strictObject({ reason: z.string().trim().max(500).optional() }),
  prepare: async (input) => ({ payload: input.reason ? { reason: input.reason } : {} }),
});
