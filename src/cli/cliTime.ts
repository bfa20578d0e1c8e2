import { InvalidArgumentError } from 'commander';
import { isIsoDate } from '../shared/dates.js';

/**
 * `--now` of the CLI: a date (`2025-10-09`, taken as 09:00 Shanghai time) or an
 * ISO instant. Returns the instant and its Asia/Shanghai calendar date (UTC+8,
 * no daylight saving).
 */
export function parseNowOption(value: string): { now: string; today: string } {
  const v = value.trim();
  const instant = isIsoDate(v) ? `${v}T01:00:00.000Z` : v;
  const ms = Date.parse(instant);
  if (Number.isNaN(ms) || (!isIsoDate(v) && !/T/.test(v)))
    throw new InvalidArgumentError('应为 YYYY-MM-DD 或 ISO-8601 时间');
  const today = new Date(ms + 8 * 3600_000).toISOString().slice(0, 10);
  return { now: new Date(ms).toISOString(), today };
}

export const nowFromClock = (): { now: string; today: string } => parseNowOption(new Date().toISOString());
