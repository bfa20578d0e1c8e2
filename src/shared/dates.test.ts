import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  addDays,
  addYears,
  dayNumberToIso,
  fullYearsBetween,
  isoToDayNumber,
  isoWeekday,
  parseIsoDate,
  isoMonthToIndex,
  indexToIsoMonth,
} from './dates.js';

describe('dates', () => {
  it('rejects impossible dates', () => {
    expect(parseIsoDate('2025-02-30')).toBeNull();
    expect(parseIsoDate('2024-02-29')).not.toBeNull();
    expect(parseIsoDate('2025-02-29')).toBeNull();
    expect(parseIsoDate('2025-13-01')).toBeNull();
    expect(parseIsoDate('2025-1-01')).toBeNull();
  });
  it('round-trips day numbers', () => {
    fc.assert(
      fc.property(fc.integer({ min: -200000, max: 200000 }), (n) => {
        expect(isoToDayNumber(dayNumberToIso(n))).toBe(n);
      }),
    );
    expect(isoToDayNumber('1970-01-01')).toBe(0);
    expect(addDays('2024-02-28', 1)).toBe('2024-02-29');
    expect(addDays('2025-02-28', 1)).toBe('2025-03-01');
  });
  it('knows weekdays', () => {
    expect(isoWeekday('2025-10-31')).toBe(5);
    expect(isoWeekday('2026-11-28')).toBe(6);
  });
  it('months and years', () => {
    expect(indexToIsoMonth(isoMonthToIndex('2025-09'))).toBe('2025-09');
    expect(isoMonthToIndex('2025-01') - isoMonthToIndex('2024-12')).toBe(1);
    expect(addYears('2024-02-29', 1)).toBe('2025-02-28');
    const b = parseIsoDate('2000-02-29')!;
    expect(fullYearsBetween(b, parseIsoDate('2025-02-28')!)).toBe(24);
    expect(fullYearsBetween(b, parseIsoDate('2025-03-01')!)).toBe(25);
  });
});
