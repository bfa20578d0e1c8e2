/**
 * 监督纠正 (细则 第十二条): the city supervisor marks the indicators obtained with
 * irregular materials as failed; the engine re-runs on the remaining verified
 * facts (rules of the acceptance date) and a new determination supersedes. The
 * original acceptance district notifies the holder.
 */
import { setReviewTaskOutcomes } from '../../storage/reviewTaskRepository.js';
import { correctPointsInput } from '../../contract/caseCommands.js';
import { caseUseCase } from './caseCommand.js';
import { acceptanceDateOf, engineRefusal, runEngine } from '../facts/engineRun.js';

export const correctPoints = caseUseCase({
  command: 'correct',
  what: '监督纠正积分',
  input: correctPointsInput,
  prepare: async (input, p, state) => {
    await setReviewTaskOutcomes(
      p.tx,
      p.snapshot.caseId,
      input.irregularIndicators,
      { status: 'failed', outcomeNote: `监督纠正：${input.reason}` },
      p.ctx.now,
    );
    const engine = await runEngine(p, acceptanceDateOf(p), state);
    return {
      payload: {
        engine: engine.outcome,
        reason: input.reason,
        ...(input.falseMaterial ? { falseMaterial: input.falseMaterial } : {}),
      },
      context: { engine, correctionReason: input.reason },
    };
  },
  onGuardFailure: engineRefusal,
});
