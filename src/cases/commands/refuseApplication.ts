/** 不予通过 with reasons and citations; a false-material finding records the penalties (细则 第十四条). */
import { z } from '../../shared/zodLocale.js';
import { caseUseCase } from './caseCommand.js';
import { penaltySchema } from './penaltyInput.js';
import { text } from '../validate.js';

export const refuseApplication = caseUseCase({
  command: 'refuse',
  what: '审核不予通过',
  input: z.strictObject({
    reasons: z
      .array(z.strictObject({ code: text(100), text: text(500), citation: text(200) }))
      .min(1, { message: '须写明理由' })
      .max(20),
    falseMaterial: penaltySchema.optional(),
  }),
  prepare: async (input) => ({
    payload: {
      reasons: input.reasons,
      ...(input.falseMaterial ? { falseMaterial: input.falseMaterial } : {}),
    },
  }),
});
