/** 审核结果 per task (细则 第六条 1–7). */
import { z } from '../../shared/zodLocale.js';
import { caseUseCase } from './caseCommand.js';
import { text } from '../validate.js';

export const recordTaskResult = caseUseCase({
  command: 'record_task_result',
  what: '记录审核结果',
  input: z.strictObject({
    taskId: text(100),
    result: z.enum(['passed', 'failed']),
    note: z.string().trim().max(500).optional(),
  }),
  prepare: async (input) => ({
    payload: { taskId: input.taskId, result: input.result, ...(input.note ? { note: input.note } : {}) },
  }),
});
