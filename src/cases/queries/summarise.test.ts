import { describe, expect, it } from 'vitest';
import { ACCEPTANCE_STALE_WORKDAYS } from '../../workflow/index.js';
import { ACTORS, apply, exampleCommand, newCase } from '../../workflow/caseFixtures.js';
import { monFriCalendar } from '../../workflow/fakeWorkdayCalendar.js';
import { summarise } from './queries.js';

/**
 * A case returned with a one-time notice: 细则 第五条 sets no time limit to 补齐, so no
 * deadline is shown; how long it has waited is, and past ACCEPTANCE_STALE_WORKDAYS the
 * district sees it flagged as stale (an internal management signal, issue 14).
 */
describe('summarise: waiting for 补齐', () => {
  const submittedOn = '2026-03-02'; // a Monday
  let s = newCase();
  s = apply(s, exampleCommand('create_draft', s), ACTORS.hr, submittedOn);
  s = apply(s, exampleCommand('submit', s), ACTORS.hr, submittedOn);
  s = apply(s, exampleCommand('return_with_notice', s), ACTORS.clerk, submittedOn);

  it('shows the working days waited and no deadline', () => {
    expect(s.state).toBe('supplement_required');
    const c = summarise(s, '2026-03-09', monFriCalendar);
    expect(c.waitingWorkdays).toBe(5);
    expect(c.due).toBeNull();
    expect(c.staleAtCounter).toBe(false);
  });

  it(`is flagged stale from the ${ACCEPTANCE_STALE_WORKDAYS}th working day`, () => {
    const day = monFriCalendar.addWorkdays(submittedOn, ACCEPTANCE_STALE_WORKDAYS);
    const before = monFriCalendar.addWorkdays(submittedOn, ACCEPTANCE_STALE_WORKDAYS - 1);
    expect(summarise(s, before, monFriCalendar).staleAtCounter).toBe(false);
    expect(summarise(s, day, monFriCalendar)).toMatchObject({
      staleAtCounter: true,
      waitingWorkdays: ACCEPTANCE_STALE_WORKDAYS,
    });
  });
});
