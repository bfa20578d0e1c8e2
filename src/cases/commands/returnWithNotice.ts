/**
 * 一次性告知 (细则 第五条 当场一次性告知): every missing or defective item with its
 * reason, in one notice. A later notice may not add items present at an earlier
 * one unless a supervisor (another officer) records why.
 */
import { returnWithNoticeInput } from '../../contract/caseCommands.js';
import { caseUseCase } from './caseCommand.js';
import { materialLabels } from '../queries/materialLabels.js';

export const returnWithNotice = caseUseCase({
  command: 'return_with_notice',
  what: '一次性告知补齐材料',
  input: returnWithNoticeInput,
  prepare: async (input, p) => ({
    payload: { items: input.items, ...(input.override ? { override: input.override } : {}) },
    context: { materialLabels: await materialLabels(p.tx, p.snapshot.caseId) },
  }),
});
