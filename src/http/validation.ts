import type { FastifySchemaCompiler } from 'fastify';
import type { z } from 'zod';
import { profileSchema } from '../profile/profileSchema.js';
import { toFieldIssues, validateProfile } from '../profile/validateProfile.js';
import { JifenError } from '../shared/errors.js';

const PART_PATH: Record<string, string> = {
  body: '$',
  querystring: '$query',
  params: '$params',
  headers: '$headers',
};

/**
 * Validates every request part with its zod schema and reports problems as our
 * JifenError (JSON paths, Chinese messages). The profile body goes through
 * `validateProfile`, which adds the cross-field checks (overlapping runs …).
 */
export const validatorCompiler: FastifySchemaCompiler<z.ZodType> =
  ({ schema, httpPart }) =>
  (data: unknown) => {
    if (schema === (profileSchema as unknown)) {
      try {
        return { value: validateProfile(data) };
      } catch (error) {
        return { error: error as Error };
      }
    }
    const parsed = schema.safeParse(data);
    if (parsed.success) return { value: parsed.data };
    const prefix = PART_PATH[httpPart ?? 'body'] ?? '$';
    const issues = toFieldIssues(parsed.error.issues).map((i) => ({ ...i, path: prefix + i.path.slice(1) }));
    return { error: new JifenError('validation_failed', '请求参数校验失败', issues) };
  };
