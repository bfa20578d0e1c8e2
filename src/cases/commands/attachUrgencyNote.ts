/** 加急说明 (docs/spec/workflow.md Decision): a reason from the fixed list and a date; never changes a deadline. */
import { z } from '../../shared/zodLocale.js';
import { URGENCY_REASONS } from '../../workflow/index.js';
import { caseUseCase } from './caseCommand.js';
import { isoDate } from '../validate.js';

export const attachUrgencyNote = caseUseCase({
  command: 'attach_urgency_note',
  what: '附加加急说明',
  input: z.strictObject({
    reason: z.enum(URGENCY_REASONS),
    date: isoDate,
    text: z.string().trim().max(300).optional(),
  }),
  prepare: async (input) => ({
    payload: { reason: input.reason, date: input.date, ...(input.text ? { text: input.text } : {}) },
  }),
});
