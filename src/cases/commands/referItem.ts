/** 提请主管部门或专门机构核实 (细则 第六条): the case shows who holds it; once verified, the clock pauses. */
import { z } from '../../shared/zodLocale.js';
import { caseUseCase } from './caseCommand.js';
import { text } from '../validate.js';

export const referItem = caseUseCase({
  command: 'refer_item',
  what: '提请主管部门核实',
  input: z.strictObject({ taskId: text(100), authority: text(100) }),
  prepare: async (input) => ({ payload: input }),
});
