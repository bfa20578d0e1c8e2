import { z } from 'zod';

/** Response shapes for the OpenAPI document (contracts of docs/spec/profile.md). */
export const problemSchema = z
  .object({
    type: z.string(),
    title: z.string(),
    status: z.number().int(),
    code: z.string(),
    errors: z.array(z.object({ path: z.string(), message: z.string() })).optional(),
    requestId: z.string(),
  })
  .meta({ id: 'Problem', description: 'problem+json (RFC 9457)：稳定的 code、中文 title、字段路径' });

export const resultItemSchema = z.object({
  id: z.string(),
  group: z.enum(['basic', 'bonus', 'deduction']),
  points: z.number().int(),
  label: z.string().optional(),
  explanation: z.string().optional(),
  citations: z.array(z.string()).optional(),
  inputs: z.record(z.string(), z.unknown()).optional(),
  parameters: z.array(z.record(z.string(), z.unknown())).optional(),
  next: z.string().nullable().optional(),
});

export const scoreResultSchema = z
  .object({
    contract: z.literal(1),
    rulesVersion: z.string(),
    dataRevision: z.string(),
    asOf: z.string(),
    standard: z.number().int(),
    total: z.number().int(),
    qualified: z.boolean(),
    vetoed: z.boolean(),
    vetoes: z.array(z.string()),
    provisional: z.boolean(),
    warnings: z.array(z.string()),
    items: z.array(resultItemSchema),
  })
  .meta({ id: 'ScoreResult', description: '积分结果（契约 v1）' });

export const explainQuery = z.strictObject({
  explain: z.enum(['true', 'false']).optional().describe('false：精简结果（只含各项分值）'),
});

/**
 * A whole number in a query string: decimal digits only. `Number()` would also
 * take `0x10`, `1e3`, ` 5` or `5.0`; a count or a page is written as digits.
 */
export const decimalInt = (min: number, max: number) =>
  z
    .string()
    .regex(/^\d{1,9}$/, { message: '应为十进制整数' })
    .transform(Number)
    .pipe(z.number().int().min(min).max(max));
