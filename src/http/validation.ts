import type { FastifySchemaCompiler } from 'fastify';
import type { z } from 'zod';
import { profileSchema } from '../profile/profileSchema.js';
import { toFieldIssues, validateProfile } from '../profile/validateProfile.js';
import { JifenError, jsonPath } from '../shared/errors.js';

const PART_PATH: Record<string, string> = {
  body: '$',
  querystring: '$query',
  params: '$params',
  headers: '$headers',
};

/** Command bodies (the use cases' input schemas) and the Chinese name of their command. */
const COMMAND_BODIES = new WeakMap<z.ZodType, string>();

/**
 * Declares a use case's input schema as a route's body. Its problems are reported as the use
 * case itself reports them (`$.input.<field>`, "<command>：输入有误"), so a form maps them to
 * its fields the same way whether the body is refused here or by the use case (the CLI, tests).
 */
export function commandBody<S extends z.ZodType>(schema: S, what: string): S {
  COMMAND_BODIES.set(schema, what);
  return schema;
}

/** A JSON object (not an array, not null): what every command body is. */
const isObject = (v: unknown): boolean => typeof v === 'object' && v !== null && !Array.isArray(v);

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
    // Declared headers document the command headers (Idempotency-Key, If-Match); the handler
    // checks them where it uses them (src/http/routes/commandHeaders.ts).
    if (httpPart === 'headers') return { value: data };
    const what = httpPart === 'body' ? COMMAND_BODIES.get(schema) : undefined;
    if (what !== undefined && isObject(data)) {
      const parsed = schema.safeParse(data);
      if (parsed.success) return { value: parsed.data };
      const issues = parsed.error.issues.map((i) => ({
        path: jsonPath(['input', ...i.path]),
        message: i.message,
      }));
      return { error: new JifenError('validation_failed', `${what}：输入有误`, issues) };
    }
    if (what !== undefined)
      return {
        error: new JifenError('validation_failed', '请求参数校验失败', [
          { path: '$', message: '应为 JSON 对象' },
        ]),
      };
    const parsed = schema.safeParse(data);
    if (parsed.success) return { value: parsed.data };
    const prefix = PART_PATH[httpPart ?? 'body'] ?? '$';
    const issues = toFieldIssues(parsed.error.issues).map((i) => ({ ...i, path: prefix + i.path.slice(1) }));
    return { error: new JifenError('validation_failed', '请求参数校验失败', issues) };
  };
