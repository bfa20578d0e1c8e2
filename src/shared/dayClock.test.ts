import { describe, expect, it } from 'vitest';
import { dayClock } from './dayClock.js';

const shanghaiDay = (iso: string) => new Date(Date.parse(iso) + 8 * 3_600_000).toISOString().slice(0, 10);

describe('dayClock', () => {
  it('keeps the Shanghai time of day on the chosen Shanghai day, across the UTC date line', () => {
    // 2026-11-28 17:30 UTC is already 2026-11-29 01:30 in Shanghai.
    const late = dayClock('2025-12-15', () => Date.parse('2026-11-28T17:30:00Z'));
    expect(late()).toBe('2025-12-14T17:30:00.000Z');
    expect(shanghaiDay(late())).toBe('2025-12-15');
    const morning = dayClock('2025-12-15', () => Date.parse('2026-11-28T01:00:00Z'));
    expect(morning()).toBe('2025-12-15T01:00:00.000Z');
    expect(shanghaiDay(morning())).toBe('2025-12-15');
  });

  it('refuses a non-date', () => {
    expect(() => dayClock('15/12/2025')).toThrow(RangeError);
  });
});
