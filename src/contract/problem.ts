import { z } from 'zod';

/** Every refusal: problem+json (RFC 9457) with a stable code, a Chinese title and the fields at fault. */
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
export type Problem = z.infer<typeof problemSchema>;

/** A plain acknowledgement of a command with nothing else to say. */
export const okSchema = z.object({ ok: z.boolean() });
