/** 登记核实结果: the referral closes; the determination due date moves by the working days paused. */
import { settleReferralInput } from '../../contract/caseCommands.js';
import { caseUseCase } from './caseCommand.js';

export const settleReferral = caseUseCase({
  command: 'settle_referral',
  what: '登记核实结果',
  input: settleReferralInput,
  prepare: async (input) => ({ payload: input }),
});
