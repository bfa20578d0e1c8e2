/**
 * 积分扣减 (细则 第九条: 积分下降或出现减分项目的，进行扣减): the district re-runs the
 * engine on the facts as they stand today (a new deduction record, a lapsed
 * indicator) and a new determination supersedes the one in force, if lower.
 */
import { applyDecreaseInput } from '../../contract/caseCommands.js';
import { caseUseCase } from './caseCommand.js';
import { engineRefusal, runEngine } from '../facts/engineRun.js';

export const applyDecrease = caseUseCase({
  command: 'apply_decrease',
  what: '积分扣减',
  input: applyDecreaseInput,
  prepare: async (input, p, state) => {
    const engine = await runEngine(p, p.ctx.today, state);
    return { payload: { engine: engine.outcome, reason: input.reason }, context: { engine } };
  },
  onGuardFailure: engineRefusal,
});
