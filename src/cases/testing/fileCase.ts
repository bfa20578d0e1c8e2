/**
 * A case of the seeded test world (world.ts) filed by `hr` and driven up the workflow's ladder
 * (driveToState.ts) to `until`, by the world's 闵行 officers, on up to four days: creation,
 * submission, acceptance with the start of review, the passing of the review tasks with
 * verification (a missing day is the one before it). The driver carries on from there.
 */
import type { Actor } from '../../workflow/index.js';
import type { ClaimsInput } from '../../contract/claims.js';
import type { CaseCommandResult } from '../types.js';
import type { CaseDriver } from './caseDriver.js';
import { driveToState } from './driveToState.js';
import type { World } from './world.js';

export function fileCase(
  driver: CaseDriver,
  w: World,
  o: {
    holderId: string;
    hr: Actor;
    days: string[];
    until: 'draft' | 'submitted' | 'accepted' | 'verified';
    /** Claimed indicators: education unless told otherwise. */
    claims?: ClaimsInput;
  },
): Promise<CaseCommandResult> {
  const [d0, d1 = d0, d2 = d1, d3 = d2] = o.days as [string, ...string[]];
  const { clerk, reviewer, approver } = w.actors;
  return driveToState(driver, {
    holderId: o.holderId,
    target: o.until,
    claims: o.claims ?? [{ indicator: 'education' }],
    actors: { hr: o.hr, clerk, reviewer, approver },
    days: {
      create: d0,
      withdraw: d1,
      submit: d1,
      accept: d2,
      startReview: d2,
      firstTask: d3,
      review: d3,
      verify: d3,
      determine: d3,
    },
  });
}
