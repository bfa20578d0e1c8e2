/**
 * Calendar-date arithmetic on ISO strings (`YYYY-MM-DD`) and months (`YYYY-MM`),
 * done on integers so that the result never depends on the process time zone
 * (a `Date` built from a local date shifts by a day west of UTC). Nothing here
 * reads the clock.
 */

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const ISO_MONTH = /^(\d{4})-(\d{2})$/;

export const isLeapYear = (y: number): boolean => (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;

export function daysInMonth(y: number, m: number): number {
  if (m === 2) return isLeapYear(y) ? 29 : 28;
  return m === 4 || m === 6 || m === 9 || m === 11 ? 30 : 31;
}

export interface Ymd {
  y: number;
  m: number;
  d: number;
}

/** Parses `YYYY-MM-DD`; returns null for anything that is not a real calendar date. */
export function parseIsoDate(s: string): Ymd | null {
  const match = ISO_DATE.exec(s);
  if (!match) return null;
  const y = Number(match[1]);
  const m = Number(match[2]);
  const d = Number(match[3]);
  if (m < 1 || m > 12 || d < 1 || d > daysInMonth(y, m)) return null;
  return { y, m, d };
}

export const isIsoDate = (s: string): boolean => parseIsoDate(s) !== null;

/** Parses `YYYY-MM`; returns null unless it is a real month. */
export function parseIsoMonth(s: string): { y: number; m: number } | null {
  const match = ISO_MONTH.exec(s);
  if (!match) return null;
  const y = Number(match[1]);
  const m = Number(match[2]);
  if (m < 1 || m > 12) return null;
  return { y, m };
}

export const isIsoMonth = (s: string): boolean => parseIsoMonth(s) !== null;

const pad2 = (n: number): string => (n < 10 ? `0${n}` : String(n));
const pad4 = (n: number): string => String(n).padStart(4, '0');

export const formatYmd = ({ y, m, d }: Ymd): string => `${pad4(y)}-${pad2(m)}-${pad2(d)}`;

/** Days since 1970-01-01 of a proleptic Gregorian date (H. Hinnant's algorithm). */
export function dayNumber({ y, m, d }: Ymd): number {
  const yy = m <= 2 ? y - 1 : y;
  const era = Math.floor(yy / 400);
  const yoe = yy - era * 400;
  const doy = Math.floor((153 * (m + (m > 2 ? -3 : 9)) + 2) / 5) + d - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146097 + doe - 719468;
}

export function fromDayNumber(n: number): Ymd {
  const z = n + 719468;
  const era = Math.floor(z / 146097);
  const doe = z - era * 146097;
  const yoe = Math.floor(
    (doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365,
  );
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const d = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const m = mp < 10 ? mp + 3 : mp - 9;
  return { y: yoe + era * 400 + (m <= 2 ? 1 : 0), m, d };
}

function mustParse(s: string): Ymd {
  const p = parseIsoDate(s);
  if (!p) throw new RangeError(`not an ISO date: ${s}`);
  return p;
}

export const isoToDayNumber = (s: string): number => dayNumber(mustParse(s));
export const dayNumberToIso = (n: number): string => formatYmd(fromDayNumber(n));
export const addDays = (s: string, n: number): string => dayNumberToIso(isoToDayNumber(s) + n);

/** ISO weekday: 1 = Monday … 7 = Sunday. 1970-01-01 was a Thursday. */
export function isoWeekday(s: string): number {
  const n = isoToDayNumber(s);
  return ((((n + 3) % 7) + 7) % 7) + 1;
}

/** Month index: months since 0000-01, so that month arithmetic is integer arithmetic. */
export const monthIndex = (y: number, m: number): number => y * 12 + (m - 1);

export function isoMonthToIndex(s: string): number {
  const p = parseIsoMonth(s);
  if (!p) throw new RangeError(`not an ISO month: ${s}`);
  return monthIndex(p.y, p.m);
}

export const indexToIsoMonth = (i: number): string => `${pad4(Math.floor(i / 12))}-${pad2((i % 12) + 1)}`;

/** The first day of the month with the given index. */
export const indexToFirstOfMonth = (i: number): string => `${indexToIsoMonth(i)}-01`;

/** Adds whole years; 02-29 becomes 02-28 in a common year. */
export function addYears(s: string, years: number): string {
  const { y, m, d } = mustParse(s);
  const ny = y + years;
  return formatYmd({ y: ny, m, d: Math.min(d, daysInMonth(ny, m)) });
}

/**
 * Full years (周岁) from `from` to `to`: the number of anniversaries reached.
 * An anniversary of 02-29 in a common year falls on 03-01 (it is reached only
 * once 02-28 has fully passed).
 */
export function fullYearsBetween(from: Ymd, to: Ymd): number {
  let years = to.y - from.y;
  if (to.m < from.m || (to.m === from.m && to.d < from.d)) years--;
  return years;
}

const digit = (s: string, i: number): number => s.charCodeAt(i) - 48;

/**
 * Month index of an already validated `YYYY-MM` (or the month of a `YYYY-MM-DD`), without a
 * regular expression: the engine's hot path reads thousands of these per profile batch.
 */
export const monthIndexOf = (s: string): number =>
  (digit(s, 0) * 1000 + digit(s, 1) * 100 + digit(s, 2) * 10 + digit(s, 3)) * 12 +
  digit(s, 5) * 10 +
  digit(s, 6) -
  1;

/** Parses an already validated `YYYY-MM-DD` without a regular expression. */
export const ymdOf = (s: string): Ymd => ({
  y: digit(s, 0) * 1000 + digit(s, 1) * 100 + digit(s, 2) * 10 + digit(s, 3),
  m: digit(s, 5) * 10 + digit(s, 6),
  d: digit(s, 8) * 10 + digit(s, 9),
});
