/**
 * 复核决定 (细则 第十二条): upheld, or changed — a changed result comes from the
 * engine on the facts as the decision finds them (review results it overturns),
 * with the rules of the acceptance date, as a new determination.
 */
import { setReviewTaskOutcomes } from '../../storage/reviewTaskRepository.js';
import { decideReconsiderationInput } from '../../contract/caseCommands.js';
import { caseUseCase } from './caseCommand.js';
import { applyReviewedFacts } from './applyReviewedFacts.js';
import { acceptanceDateOf, engineRefusal, runEngine } from '../facts/engineRun.js';

export const decideReconsideration = caseUseCase({
  command: 'decide_reconsideration',
  what: '作出复核决定',
  input: decideReconsiderationInput,
  prepare: async (input, p, state) => {
    if (input.outcome === 'upheld') return { payload: { outcome: 'upheld', reasons: input.reasons } };
    for (const f of input.findings ?? []) {
      await setReviewTaskOutcomes(
        p.tx,
        p.snapshot.caseId,
        [f.indicator],
        { status: f.result, outcomeNote: `复核认定：${input.reasons}` },
        p.ctx.now,
      );
    }
    // Issue 15: the facts the reviewer accepted become the case's verified claims first.
    await applyReviewedFacts(p.tx, p.snapshot.caseId, p.ctx.now);
    const engine = await runEngine(p, acceptanceDateOf(p), state);
    return {
      payload: { outcome: 'changed', reasons: input.reasons, engine: engine.outcome },
      context: { engine },
    };
  },
  onGuardFailure: engineRefusal,
});
