/** 提请主管部门或专门机构核实 (细则 第六条): the case shows who holds it; once verified, the clock pauses. */
import { referItemInput } from '../../contract/caseCommands.js';
import { caseUseCase } from './caseCommand.js';

export const referItem = caseUseCase({
  command: 'refer_item',
  what: '提请主管部门核实',
  input: referItemInput,
  prepare: async (input) => ({ payload: input }),
});
