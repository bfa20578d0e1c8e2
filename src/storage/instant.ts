import { JifenError } from '../shared/errors.js';

/**
 * Timestamps are stored as ISO-8601 UTC text with milliseconds
 * (`2025-10-09T02:30:00.000Z`), the only form in which text order is time
 * order on both engines. Callers pass `now`: storage never reads the clock.
 */
const INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:\d{2})$/;

/** Validates and normalises an instant to `YYYY-MM-DDTHH:MM:SS.sssZ`. */
export function toInstant(value: string): string {
  const ms = INSTANT.test(value) ? Date.parse(value) : Number.NaN;
  if (Number.isNaN(ms)) {
    throw new JifenError('validation_failed', '时间格式无效，应为 ISO-8601 UTC 时间', [
      { path: '$.now', message: `无效时间: ${value}` },
    ]);
  }
  return new Date(ms).toISOString();
}

/** `instant` plus `ms` milliseconds, normalised. */
export const addMilliseconds = (instant: string, ms: number): string =>
  new Date(Date.parse(toInstant(instant)) + ms).toISOString();
