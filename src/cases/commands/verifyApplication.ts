/** 审核属实 (细则 第七条): the 20-working-day determination deadline is stored and shown. */
import { verifyApplicationInput } from '../../contract/caseCommands.js';
import { caseUseCase } from './caseCommand.js';

export const verifyApplication = caseUseCase({
  command: 'verify',
  what: '审核属实',
  input: verifyApplicationInput,
  prepare: async () => ({ payload: {} }),
});
