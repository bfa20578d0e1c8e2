/**
 * 申请调整积分 (细则 第九条): the unit files new proofs; the case goes round the
 * filing cycle again while the determination in force stays in force.
 */
import { requestAdjustmentInput } from '../../contract/caseCommands.js';
import { caseUseCase } from './caseCommand.js';
import { writeClaims } from '../facts/claimInput.js';

export const requestAdjustment = caseUseCase({
  command: 'request_adjustment',
  what: '申请调整积分',
  input: requestAdjustmentInput,
  prepare: async (input, p) => ({
    payload: { reason: input.reason },
    ...(input.claims
      ? { after: (tx, next) => writeClaims(tx, next.caseId, input.claims!, input.declared, p.ctx.now) }
      : {}),
  }),
});
