/** Shanghai's calendar day of an instant (UTC+8, no daylight saving): the `today` of working-day deadlines. */
export const shanghaiDay = (instant: string): string =>
  new Date(Date.parse(instant) + 8 * 3_600_000).toISOString().slice(0, 10);
