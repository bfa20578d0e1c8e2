/**
 * The ladder a fixture world's case climbs to a target state (docs/spec/workflow.md): filing,
 * acceptance, review, verification, determination — each rung one real command through
 * `caseDriver`, so the case carries what the app writes (audit trail, receipts, notices,
 * determinations, messages). The demo world and the scale bench's templates both climb it;
 * what they add on top (an urgency note, a referral, a reconsideration) they add after it.
 */
import type { Actor } from '../../workflow/index.js';
import { acceptApplication } from '../commands/acceptApplication.js';
import { determinePoints } from '../commands/determinePoints.js';
import { recordTaskResult } from '../commands/recordTaskResult.js';
import { refuseApplication } from '../commands/refuseApplication.js';
import { returnWithNotice } from '../commands/returnWithNotice.js';
import { startReview } from '../commands/startReview.js';
import { submitApplication } from '../commands/submitApplication.js';
import { verifyApplication } from '../commands/verifyApplication.js';
import { withdrawApplication } from '../commands/withdrawApplication.js';
import type { ClaimsInput } from '../../contract/claims.js';
import type { CaseCommandResult } from '../types.js';
import type { CaseDriver } from './caseDriver.js';

/** The states the ladder stops at (the lapsed and invalidated cases are determined ones the sweep ends). */
export type LadderTarget =
  | 'draft'
  | 'withdrawn'
  | 'submitted'
  | 'supplement_required'
  | 'accepted'
  | 'under_review'
  | 'refused'
  | 'verified'
  | 'determined';

export interface LadderPlan {
  holderId: string;
  target: LadderTarget;
  claims: ClaimsInput;
  actors: { hr: Actor; clerk: Actor; reviewer: Actor; approver: Actor };
  /**
   * The day of each rung: `accept` is also the day of the clerk's look at the materials and of a
   * return with notice; `firstTask` the archive check of a case left under review; `review` the
   * refusal or the passing of every review task.
   */
  days: Record<
    | 'create'
    | 'withdraw'
    | 'submit'
    | 'accept'
    | 'startReview'
    | 'firstTask'
    | 'review'
    | 'verify'
    | 'determine',
    string
  >;
}

/** Climbs to `plan.target`; returns the last command's result. */
export async function driveToState(driver: CaseDriver, plan: LadderPlan): Promise<CaseCommandResult> {
  const { target, days, claims } = plan;
  const { hr, clerk, reviewer, approver } = plan.actors;
  const created = await driver.create(hr, days.create, plan.holderId, claims);
  if (target === 'draft') return created;
  if (target === 'withdrawn')
    return driver.go(withdrawApplication, hr, days.withdraw, { reason: '员工离职' });
  const submitted = await driver.go(submitApplication, hr, days.submit, {});
  if (target === 'submitted') return submitted;
  const codes = (await driver.view(clerk, days.accept)).materials.map((m) => m.code);
  if (target === 'supplement_required') {
    const items = [{ itemId: codes[0]!, problem: 'defective', reason: '复印件不清晰' }];
    return driver.go(returnWithNotice, clerk, days.accept, { items });
  }
  const accepted = await driver.go(acceptApplication, clerk, days.accept, { received: codes });
  if (target === 'accepted') return accepted;
  await driver.go(startReview, reviewer, days.startReview, {});
  if (target === 'under_review')
    return driver.go(recordTaskResult, reviewer, days.firstTask, { taskId: 'archive', result: 'passed' });
  if (target === 'refused') {
    const reasons = [
      { code: 'insurance_invalid', text: '社保缴费存在补缴，不满6个月有效缴费', citation: '实施细则 第二条' },
    ];
    return driver.go(refuseApplication, reviewer, days.review, { reasons });
  }
  for (const taskId of ['archive', 'insurance', ...(claims ?? []).map((c) => c.indicator)])
    await driver.go(recordTaskResult, reviewer, days.review, { taskId, result: 'passed' });
  const verified = await driver.go(verifyApplication, reviewer, days.verify, {});
  if (target === 'verified') return verified;
  return driver.go(determinePoints, approver, days.determine, {});
}
