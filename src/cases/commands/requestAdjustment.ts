/**
 * 申请调整积分 (细则 第九条): the unit files new proofs; the case goes round the
 * filing cycle again while the determination in force stays in force.
 */
import { z } from '../../shared/zodLocale.js';
import { caseUseCase } from './caseCommand.js';
import { claimsSchema, declaredSchema, writeClaims } from '../facts/claimInput.js';
import { text } from '../validate.js';

export const requestAdjustment = caseUseCase({
  command: 'request_adjustment',
  what: '申请调整积分',
  input: z.strictObject({
    reason: text(500),
    claims: claimsSchema.optional(),
    declared: declaredSchema.optional(),
  }),
  prepare: async (input, p) => ({
    payload: { reason: input.reason },
    ...(input.claims
      ? { after: (tx, next) => writeClaims(tx, next.caseId, input.claims!, input.declared, p.ctx.now) }
      : {}),
  }),
});
