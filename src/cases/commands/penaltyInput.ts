import { z } from '../../shared/zodLocale.js';
import { text } from '../validate.js';

/** 细则 第十四条: a false-material finding (unit fine 30 000–50 000 CNY). */
export const penaltySchema = z.strictObject({
  party: z.enum(['individual', 'unit']),
  serious: z.boolean(),
  reason: text(500),
  fineCny: z.number().int().min(30_000).max(50_000).optional(),
});
