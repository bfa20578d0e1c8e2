/** 不予通过 with reasons and citations; a false-material finding records the penalties (细则 第十四条). */
import { refuseApplicationInput } from '../../contract/caseCommands.js';
import { caseUseCase } from './caseCommand.js';

export const refuseApplication = caseUseCase({
  command: 'refuse',
  what: '审核不予通过',
  input: refuseApplicationInput,
  prepare: async (input) => ({
    payload: {
      reasons: input.reasons,
      ...(input.falseMaterial ? { falseMaterial: input.falseMaterial } : {}),
    },
  }),
});
