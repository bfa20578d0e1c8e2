/** 复核申请 (细则 第十二条): first at the acceptance district, then at the city. */
import { requestReconsiderationInput } from '../../contract/caseCommands.js';
import { caseUseCase } from './caseCommand.js';

export const requestReconsideration = caseUseCase({
  command: 'request_reconsideration',
  what: '申请复核',
  input: requestReconsiderationInput,
  prepare: async (input) => ({
    payload: {
      grounds: input.grounds,
      ...(input.disputed?.length ? { disputed: input.disputed } : {}),
      ...(input.facts?.length
        ? {
            facts: input.facts.map((f) => ({
              indicator: f.indicator,
              detail: f.detail ?? {},
              statement: f.statement,
            })),
          }
        : {}),
    },
  }),
});
