import dayjs, { type Dayjs } from 'dayjs';

/** The dashboard's and the lists' date range (案件创建日期，含首尾), kept in the address as `from`/`to`. */
export interface DateRangeParams {
  from?: string;
  to?: string;
}

const isDay = (v: string | null): v is string => v !== null && /^\d{4}-\d{2}-\d{2}$/.test(v);

export function rangeOf(params: URLSearchParams): DateRangeParams {
  const from = params.get('from');
  const to = params.get('to');
  return { ...(isDay(from) ? { from } : {}), ...(isDay(to) ? { to } : {}) };
}

/** The range for antd's RangePicker. */
export const pickerValue = (r: DateRangeParams): [Dayjs | null, Dayjs | null] | null =>
  r.from || r.to ? [r.from ? dayjs(r.from) : null, r.to ? dayjs(r.to) : null] : null;

/** Writes a picked range into the address (an empty pick clears it). */
export function withRange(
  params: URLSearchParams,
  picked: [Dayjs | null, Dayjs | null] | null | undefined,
): URLSearchParams {
  const next = new URLSearchParams(params);
  next.delete('from');
  next.delete('to');
  next.delete('page');
  if (picked?.[0]) next.set('from', picked[0].format('YYYY-MM-DD'));
  if (picked?.[1]) next.set('to', picked[1].format('YYYY-MM-DD'));
  return next;
}

/** The case list of the city with these filters and the range (the target of a drill-down). */
export function casesLink(filters: Record<string, string | undefined>, range: DateRangeParams): string {
  const q = new URLSearchParams();
  for (const [k, v] of Object.entries({ ...filters, ...range })) if (v) q.set(k, v);
  const s = q.toString();
  return s ? `/city/cases?${s}` : '/city/cases';
}
