/**
 * 核实复核补正事实 (issue 15; workflow.md: facts come from the registry or
 * reviewed evidence, never retyped): the reviewer accepts or rejects one fact
 * of the pending reconsideration against its evidence, with a note.
 */
import { JifenError, jsonPath } from '../../shared/errors.js';
import { getFactWithRequestStatus } from '../../storage/reconsiderationFactRepository.js';
import { reviewReconsiderationFactInput } from '../../contract/caseCommands.js';
import { caseUseCase } from './caseCommand.js';

export const reviewReconsiderationFact = caseUseCase({
  command: 'review_reconsideration_fact',
  what: '核实复核补正事实',
  input: reviewReconsiderationFactInput,
  prepare: async (input, p) => {
    const fact = await getFactWithRequestStatus(p.tx, p.snapshot.caseId, input.factId);
    if (!fact || fact.requestStatus !== 'requested')
      throw new JifenError(
        'not_found',
        '待处理的复核申请中没有这项事实',
        [{ path: jsonPath(['input', 'factId']), message: '没有这项待核实的事实' }],
        { factId: input.factId },
      );
    if (fact.status !== 'open')
      throw new JifenError('conflict', '这项事实已经核实过', [], { factId: input.factId });
    return { payload: { factId: input.factId, result: input.result, note: input.note } };
  },
});
