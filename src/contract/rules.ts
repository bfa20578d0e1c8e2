import { z } from 'zod';

export const ruleParameterSchema = z.object({
  key: z.string(),
  label: z.string(),
  group: z.string().optional(),
  description: z.string(),
  value: z.unknown(),
  from: z.string(),
  to: z.string(),
  citations: z.array(z.string()),
  note: z.string().optional(),
  /** The value in force as a Chinese sentence (issue 14). */
  text: z.string(),
});

export const rulesInForceSchema = z
  .object({
    date: z.string(),
    version: z.object({ id: z.string(), from: z.string(), to: z.string(), title: z.string() }),
    dataRevision: z.string(),
    parameters: z.array(ruleParameterSchema),
    wage: z.object({
      month: z.string(),
      value: z.number(),
      from: z.string(),
      to: z.string(),
      provisional: z.boolean(),
      citation: z.string(),
    }),
    wageTable: z.array(z.object({ from: z.string(), to: z.string(), value: z.number() })),
  })
  .meta({ id: 'RulesInForce', description: '某日有效的政策参数' });

export const workdaysAddSchema = z.object({ date: z.string(), n: z.number().int(), result: z.string() });
export const workdaysBetweenSchema = z.object({
  from: z.string(),
  to: z.string(),
  workdays: z.number().int(),
});

export type RuleParameter = z.infer<typeof ruleParameterSchema>;
export type RulesInForce = z.infer<typeof rulesInForceSchema>;
