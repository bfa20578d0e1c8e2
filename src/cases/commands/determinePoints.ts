/**
 * 积分核定 (细则 第七条): the approver never types a number. The engine runs on
 * verified facts (registry data + claims whose review passed) with the rules in
 * force on the acceptance date; the result, its explanation, rules version and
 * data revision are frozen in a new determination. Refused while any wage figure
 * it needs is provisional (docs/spec/rules.md §7).
 */
import { determinePointsInput } from '../../contract/caseCommands.js';
import { caseUseCase } from './caseCommand.js';
import { acceptanceDateOf, engineRefusal, runEngine } from '../facts/engineRun.js';

export const determinePoints = caseUseCase({
  command: 'determine',
  what: '积分核定',
  input: determinePointsInput,
  prepare: async (_input, p, state) => {
    const engine = await runEngine(p, acceptanceDateOf(p), state);
    return { payload: { engine: engine.outcome }, context: { engine } };
  },
  onGuardFailure: engineRefusal,
});
