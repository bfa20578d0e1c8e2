/** 登记核实结果: the referral closes; the determination due date moves by the working days paused. */
import { z } from '../../shared/zodLocale.js';
import { caseUseCase } from './caseCommand.js';
import { text } from '../validate.js';

export const settleReferral = caseUseCase({
  command: 'settle_referral',
  what: '登记核实结果',
  input: z.strictObject({ taskId: text(100), result: z.enum(['passed', 'failed']) }),
  prepare: async (input) => ({ payload: input }),
});
