/**
 * 修改申报指标 (issue 15): the unit edits what it claims — every indicator of the
 * profile contract — until it submits, and again after a one-time notice before
 * it resubmits (细则 第三条、第五条). Which states allow it is the declared
 * machine's `update_claims`; the edit is one command: versioned (If-Match),
 * idempotent and audited with the indicators claimed after it.
 */
import { updateClaimsInput } from '../../contract/caseCommands.js';
import { caseUseCase } from './caseCommand.js';
import { writeClaims } from '../facts/claimInput.js';

export const updateClaims = caseUseCase({
  command: 'update_claims',
  what: '修改申报指标',
  input: updateClaimsInput,
  prepare: async (input, { ctx }) => ({
    payload: { indicators: input.claims.map((c) => c.indicator) },
    after: async (tx, next) => writeClaims(tx, next.caseId, input.claims, input.declared, ctx.now),
  }),
});
