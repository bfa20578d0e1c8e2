import type { z } from '../shared/zodLocale.js';
import { JifenError, jsonPath } from '../shared/errors.js';
import { isIsoDate } from '../shared/dates.js';

export { isoDate, text } from '../contract/inputFields.js';

/** Parses a use case's input with zod; failures name every JSON path, in Chinese. */
export function parseInput<S extends z.ZodType>(schema: S, input: unknown, what: string): z.output<S> {
  const parsed = schema.safeParse(input);
  if (parsed.success) return parsed.data;
  const issues = parsed.error.issues.map((i) => ({
    path: jsonPath(['input', ...i.path]),
    message: i.message,
  }));
  throw new JifenError('validation_failed', `${what}：输入有误`, issues);
}

/** Checks the common request fields (time, key) before anything touches the database. */
export function checkRequest(req: { now: string; today: string; idempotencyKey: string }): void {
  const issues = [];
  if (!isIsoDate(req.today)) issues.push({ path: '$.today', message: '应为 YYYY-MM-DD' });
  if (typeof req.now !== 'string' || Number.isNaN(Date.parse(req.now)))
    issues.push({ path: '$.now', message: '应为 ISO-8601 时间' });
  if (
    typeof req.idempotencyKey !== 'string' ||
    req.idempotencyKey.length < 1 ||
    req.idempotencyKey.length > 200
  )
    issues.push({ path: '$.idempotencyKey', message: '须提供 1–200 个字符的幂等键' });
  if (issues.length > 0) throw new JifenError('validation_failed', '请求参数有误', issues);
}
