/** 细则 第十条/第十一条 and the sweep's reminders: commands of the `system` actor. */
import { expireCaseInput, invalidateCaseInput, remindCaseInput } from '../../contract/caseCommands.js';
import { caseUseCase } from './caseCommand.js';

/** 签注过期，积分失效. */
export const expireCase = caseUseCase({
  command: 'expire',
  what: '签注过期积分失效',
  input: expireCaseInput,
  prepare: async () => ({ payload: {} }),
});

/** 居住证被注销，积分自动失效. */
export const invalidateCase = caseUseCase({
  command: 'invalidate',
  what: '居住证注销积分失效',
  input: invalidateCaseInput,
  prepare: async (input) => ({ payload: input }),
});

export const remindCase = caseUseCase({
  command: 'remind',
  what: '到期提醒',
  input: remindCaseInput,
  prepare: async (input) => ({ payload: input }),
});
