/**
 * The date range of the supervision dashboard and lists (issue 15): cases whose
 * file was opened (积分账户创建) from `from` to `to`, both inclusive, as Shanghai
 * calendar dates (UTC+8, no daylight saving). Statistics and the case list use
 * the same bounds, so a figure and the list it drills into count the same cases.
 */
import { addDays, isIsoDate } from '../shared/dates.js';
import { z } from '../shared/zodLocale.js';

const day = z.string().refine(isIsoDate, { message: '应为真实存在的日期，格式 YYYY-MM-DD' });

export const dateRangeFields = { from: day.optional(), to: day.optional() };

export const dateRangeQuery = z
  .strictObject(dateRangeFields)
  .refine((r) => !r.from || !r.to || r.from <= r.to, { message: '结束日期早于开始日期', path: ['to'] });

export interface DateRange {
  from?: string | undefined;
  to?: string | undefined;
}

/** The UTC instants bounding the range: `createdAt >= lo` and `createdAt < hi`. */
export function createdBounds(r: DateRange | undefined): { lo?: string; hi?: string } {
  // Shanghai's day D starts at 16:00 UTC on D−1.
  return {
    ...(r?.from ? { lo: `${addDays(r.from, -1)}T16:00:00.000Z` } : {}),
    ...(r?.to ? { hi: `${r.to}T16:00:00.000Z` } : {}),
  };
}
