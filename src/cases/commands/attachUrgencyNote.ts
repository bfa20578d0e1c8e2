/** 加急说明 (docs/spec/workflow.md Decision): a reason from the fixed list and a date; never changes a deadline. */
import { attachUrgencyNoteInput } from '../../contract/caseCommands.js';
import { caseUseCase } from './caseCommand.js';

export const attachUrgencyNote = caseUseCase({
  command: 'attach_urgency_note',
  what: '附加加急说明',
  input: attachUrgencyNoteInput,
  prepare: async (input) => ({
    payload: { reason: input.reason, date: input.date, ...(input.text ? { text: input.text } : {}) },
  }),
});
