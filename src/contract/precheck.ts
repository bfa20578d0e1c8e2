import { z } from 'zod';

export const precheckConditionSchema = z.object({
  code: z.string(),
  status: z.enum(['pass', 'fail', 'unknown']),
  passed: z.boolean(),
  reason: z.string(),
  citations: z.array(z.string()),
  /** The facts and parameter values the condition used (machine-readable). */
  detail: z.record(z.string(), z.unknown()),
});

export const precheckResultSchema = z
  .object({
    asOf: z.string(),
    rulesVersion: z.string(),
    dataRevision: z.string(),
    eligible: z.boolean(),
    conditions: z.array(precheckConditionSchema),
    notes: z.array(z.string()),
  })
  .meta({ id: 'PrecheckResult', description: '申请条件预检结果' });

export type PrecheckCondition = z.infer<typeof precheckConditionSchema>;
export type PrecheckResult = z.infer<typeof precheckResultSchema>;
