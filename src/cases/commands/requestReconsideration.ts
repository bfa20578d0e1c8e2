/** 复核申请 (细则 第十二条): first at the acceptance district, then at the city. */
import { z } from '../../shared/zodLocale.js';
import { caseUseCase } from './caseCommand.js';
import { text } from '../validate.js';

export const requestReconsideration = caseUseCase({
  command: 'request_reconsideration',
  what: '申请复核',
  input: z.strictObject({ grounds: text(1000) }),
  prepare: async (input) => ({ payload: input }),
});
