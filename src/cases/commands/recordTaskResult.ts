/** 审核结果 per task (细则 第六条 1–7). */
import { recordTaskResultInput } from '../../contract/caseCommands.js';
import { caseUseCase } from './caseCommand.js';

export const recordTaskResult = caseUseCase({
  command: 'record_task_result',
  what: '记录审核结果',
  input: recordTaskResultInput,
  prepare: async (input) => ({
    payload: { taskId: input.taskId, result: input.result, ...(input.note ? { note: input.note } : {}) },
  }),
});
