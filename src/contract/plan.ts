import { z } from 'zod';
import { scoreResultSchema } from './scoreResult.js';

export const timelinePointSchema = z.object({
  date: z.string(),
  total: z.number().int(),
  provisional: z.literal(true).optional(),
});

export const planOptionSchema = z.object({
  id: z.string(),
  actions: z.array(z.string()),
  reachesStandardOn: z.string().nullable(),
  totalAtHorizon: z.number().int(),
  bestTotal: z.number().int(),
  assumptions: z.array(z.string()),
  explanation: z.string(),
  effort: z.number(),
  provisional: z.boolean(),
});

export const planSchema = z
  .object({
    contract: z.literal(1),
    asOf: z.string(),
    standard: z.number().int(),
    horizonMonths: z.number().int(),
    current: scoreResultSchema,
    baseline: z.object({ reachesStandardOn: z.string().nullable(), timeline: z.array(timelinePointSchema) }),
    options: z.array(planOptionSchema),
    warnings: z.array(z.string()),
  })
  .meta({ id: 'Plan', description: '达标方案（契约 v1）' });

export type TimelinePoint = z.infer<typeof timelinePointSchema>;
export type PlanOption = z.infer<typeof planOptionSchema>;
export type Plan = z.infer<typeof planSchema>;
