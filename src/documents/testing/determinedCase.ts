/**
 * One case of the test world taken through the counter (a one-time notice,
 * then acceptance with a receipt), review, determination and a district
 * reconsideration, so that it has every document a case can have.
 */
import type { Kysely } from 'kysely';
import { testPolicy } from '../../policy/testing/testPolicy.js';
import {
  acceptApplication,
  decideReconsideration,
  determinePoints,
  getCaseView,
  recordTaskResult,
  requestReconsideration,
  resubmit,
  returnWithNotice,
  startReview,
  submitApplication,
  verifyApplication,
} from '../../cases/index.js';
import { caseDriver } from '../../cases/testing/caseDriver.js';
import type { World } from '../../cases/testing/world.js';
import type { Database } from '../../storage/schema.js';

export async function caseWithEveryDocument(
  db: Kysely<Database>,
  w: World,
  caseId: string,
  holderId = w.holders.h1,
): Promise<{ verificationCode: string }> {
  const a = w.actors;
  const driver = caseDriver(db, caseId, testPolicy);
  const go = driver.go.bind(driver);
  await driver.create(a.hrA, '2025-09-15', holderId);
  await go(submitApplication, a.hrA, '2025-09-16', {});
  const view = await getCaseView(db, { actor: a.city, caseId, today: '2025-09-16' }, testPolicy);
  const codes = view.materials.map((m) => m.code);
  await go(returnWithNotice, a.clerk, '2025-09-18', {
    items: [{ itemId: codes[codes.length - 1]!, problem: 'missing', reason: '未带原件' }],
  });
  await go(resubmit, a.hrA, '2025-09-22', {});
  await go(acceptApplication, a.clerk, '2025-09-24', { received: codes });
  await go(startReview, a.reviewer, '2025-09-25', {});
  for (const taskId of ['archive', 'insurance', 'education'])
    await go(recordTaskResult, a.reviewer, '2025-09-25', { taskId, result: 'passed' });
  await go(verifyApplication, a.reviewer, '2025-09-29', {});
  const determined = await go(determinePoints, a.approver, '2025-10-20', {});
  await go(requestReconsideration, a.holder1, '2025-10-22', { grounds: '学历分值计算有异议' });
  await go(decideReconsideration, a.approver, '2025-11-05', {
    outcome: 'upheld',
    reasons: '经复核，学历分值按本科计算无误',
  });
  return { verificationCode: determined.documents.determination!.verificationCode };
}
