/** 撤回 before acceptance (unit or holder); an adjustment withdrawn returns to the points in force. */
import { withdrawApplicationInput } from '../../contract/caseCommands.js';
import { caseUseCase } from './caseCommand.js';

export const withdrawApplication = caseUseCase({
  command: 'withdraw',
  what: '撤回申请',
  input: withdrawApplicationInput,
  prepare: async (input) => ({ payload: input.reason ? { reason: input.reason } : {} }),
});
