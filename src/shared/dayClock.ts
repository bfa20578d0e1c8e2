const DAY_MS = 86_400_000;
const SHANGHAI_OFFSET_MS = 8 * 3_600_000;

/**
 * A clock that reads the real time of day but on a chosen Shanghai calendar
 * day. The demo world is dated (its cases waited, were decided and lapsed
 * relative to one day), so a demo or training server runs "as if today were"
 * that day; working-day deadlines then stay inside the published calendar
 * years. Production servers use the real clock.
 */
export function dayClock(day: string, now: () => number = Date.now): () => string {
  const midnight = Date.parse(`${day}T00:00:00+08:00`);
  if (Number.isNaN(midnight)) throw new RangeError(`not a date: ${day}`);
  return () => new Date(midnight + ((now() + SHANGHAI_OFFSET_MS) % DAY_MS)).toISOString();
}
