import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addDays } from '../shared/dates.js';
import { HOLIDAY_CALENDAR } from './caseFixtures.js';
import {
  accountCreationAllowed,
  accountCreationAllowedFrom,
  acceptanceReminderOn,
  acceptanceStaleOn,
  determinationDue,
  isOverdue,
  pausedWorkdays,
  permitExpiryReminderOn,
  permitLapsesOn,
  reconsiderationDue,
  waitingWorkdays,
} from './deadlines.js';
import { monFriCalendar } from './fakeWorkdayCalendar.js';

const MF = monFriCalendar;
const HOL = HOLIDAY_CALENDAR;
const CAL = { MF, HOL } as const;

describe('accountCreationAllowedFrom: the 3rd working day after issue, the issue day not counted', () => {
  it.each([
    ['Mon–Fri', 'MF', '2025-03-03', '2025-03-06'], // Mon → Thu
    ['Mon–Fri', 'MF', '2025-03-07', '2025-03-12'], // Fri → Wed
    ['Mon–Fri', 'MF', '2025-03-08', '2025-03-12'], // Sat → Wed
    ['National Day 2025', 'HOL', '2025-09-26', '2025-09-30'], // Fri → Sun 09-28 (调休) is the 1st
    ['National Day 2025', 'HOL', '2025-09-30', '2025-10-11'], // Oct 1–8 off; Oct 11 (Sat, 调休) is the 3rd
    ['Spring Festival 2026', 'HOL', '2026-02-12', '2026-02-24'], // Thu → Fri 13, Sat 14 (调休), Tue 24
  ] as const)('%s: issued %s → from %s', (_name, cal, issued, from) => {
    expect(accountCreationAllowedFrom(CAL[cal], issued)).toBe(from);
    expect(accountCreationAllowed(CAL[cal], issued, from)).toBe(true);
    expect(accountCreationAllowed(CAL[cal], issued, addDays(from, -1))).toBe(false);
  });
});

describe('determinationDue: 20 working days after verification (细则 第七条), plus the paused days', () => {
  it.each([
    ['Mon–Fri', 'MF', '2025-03-03', 0, '2025-03-31'],
    ['Mon–Fri', 'MF', '2026-02-06', 0, '2026-03-06'],
    ['National Day 2025, verified on a 调休 Sunday', 'HOL', '2025-09-28', 0, '2025-10-31'],
    ['National Day 2025', 'HOL', '2025-09-30', 0, '2025-11-04'],
    ['Spring Festival 2026', 'HOL', '2026-02-06', 0, '2026-03-12'],
    ['Spring Festival 2026, 3 days paused', 'HOL', '2026-02-06', 3, '2026-03-17'],
    ['New Year 2026 (Jan 4 调休)', 'HOL', '2025-12-31', 0, '2026-01-29'],
  ] as const)('%s: verified %s, paused %i → %s', (_name, cal, verified, paused, due) => {
    expect(determinationDue(CAL[cal], verified, paused)).toBe(due);
  });

  it('refuses a negative pause', () => {
    expect(() => determinationDue(MF, '2025-03-03', -1)).toThrow(RangeError);
  });
});

describe('pause, waiting and reminders', () => {
  it.each([
    ['MF', '2025-03-11', '2025-03-11', 0],
    ['MF', '2025-03-07', '2025-03-10', 1], // Fri → Mon
    ['HOL', '2025-09-30', '2025-10-10', 2], // holidays do not pause: nobody worked
    ['HOL', '2026-02-10', '2026-02-25', 6],
  ] as const)('%s: paused working days %s → %s = %i', (cal, since, until, n) => {
    expect(pausedWorkdays(CAL[cal], since, until)).toBe(n);
  });

  it.each([
    ['MF', '2025-03-10', '2025-03-24', '2025-04-21'],
    ['HOL', '2025-09-26', '2025-10-16', '2025-11-13'],
    ['HOL', '2026-02-06', '2026-02-27', '2026-03-26'],
  ] as const)(
    '%s: submitted %s → unit reminded %s (10 wd), stale %s (30 wd)',
    (cal, submitted, remind, stale) => {
      expect(acceptanceReminderOn(CAL[cal], submitted)).toBe(remind);
      expect(acceptanceStaleOn(CAL[cal], submitted)).toBe(stale);
      expect(waitingWorkdays(CAL[cal], submitted, remind)).toBe(10);
    },
  );

  it.each([
    ['2026-03-31', '2026-03-01', '2026-04-01'],
    ['2025-03-01', '2025-01-30', '2025-03-02'],
    ['2024-03-30', '2024-02-29', '2024-03-31'],
    ['2025-12-31', '2025-12-01', '2026-01-01'],
  ])('permit valid until %s: reminded %s (30 calendar days ahead), lapses %s', (until, remind, lapses) => {
    expect(permitExpiryReminderOn(until)).toBe(remind);
    expect(permitLapsesOn(until)).toBe(lapses);
  });

  it.each([
    ['MF', '2025-03-10', '2025-04-07'],
    ['HOL', '2026-02-10', '2026-03-16'],
    ['HOL', '2025-09-29', '2025-11-03'],
  ] as const)('%s: reconsideration requested %s → decided by %s (20 wd)', (cal, requested, due) => {
    expect(reconsiderationDue(CAL[cal], requested)).toBe(due);
  });

  it('a time limit is breached only after its last day', () => {
    expect(isOverdue('2025-04-07', '2025-04-07')).toBe(false);
    expect(isOverdue('2025-04-07', '2025-04-08')).toBe(true);
  });
});

describe('the fake calendars keep the interface contract', () => {
  const day = fc.integer({ min: 0, max: 700 }).map((n) => addDays('2025-01-01', n));
  it('workdaysBetween(a, addWorkdays(a, n)) === n, and addWorkdays lands on a working day', () => {
    for (const cal of [MF, HOL]) {
      fc.assert(
        fc.property(day, fc.integer({ min: 1, max: 60 }), (a, n) => {
          const b = cal.addWorkdays(a, n);
          return cal.workdaysBetween(a, b) === n && cal.isWorkday(b) && cal.workdaysBetween(b, a) === -n;
        }),
      );
    }
  });
});
