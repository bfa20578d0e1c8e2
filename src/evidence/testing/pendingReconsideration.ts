/**
 * A case of the test world taken through filing, review and determination,
 * then (optionally) a reconsideration request by the holder: the state in
 * which evidence is uploaded and reconsideration facts are reviewed.
 */
import type { Kysely } from 'kysely';
import {
  acceptApplication,
  determinePoints,
  getCaseView,
  recordTaskResult,
  requestReconsideration,
  startReview,
  submitApplication,
  verifyApplication,
} from '../../cases/index.js';
import { caseDriver } from '../../cases/testing/caseDriver.js';
import type { World } from '../../cases/testing/world.js';
import { testPolicy } from '../../policy/testing/testPolicy.js';
import type { Database } from '../../storage/schema.js';
import type { Actor } from '../../workflow/index.js';

export async function pendingReconsideration(
  db: Kysely<Database>,
  w: World,
  caseId: string,
  opts: { holderId?: string; holder?: Actor; request?: Record<string, unknown> | false } = {},
): Promise<{ version: number }> {
  const a = w.actors;
  const driver = caseDriver(db, caseId, testPolicy);
  const go = driver.go.bind(driver);
  await driver.create(a.hrA, '2025-09-15', opts.holderId ?? w.holders.h1);
  await go(submitApplication, a.hrA, '2025-09-16', {});
  const view = await getCaseView(db, { actor: a.city, caseId, today: '2025-09-16' }, testPolicy);
  await go(acceptApplication, a.clerk, '2025-09-24', { received: view.materials.map((m) => m.code) });
  await go(startReview, a.reviewer, '2025-09-25', {});
  for (const taskId of ['archive', 'insurance', 'education'])
    await go(recordTaskResult, a.reviewer, '2025-09-25', { taskId, result: 'passed' });
  await go(verifyApplication, a.reviewer, '2025-09-29', {});
  await go(determinePoints, a.approver, '2025-10-20', {});
  if (opts.request !== false)
    await go(
      requestReconsideration,
      opts.holder ?? a.holder1,
      '2025-10-22',
      opts.request ?? { grounds: '中级职称在申请时漏报' },
    );
  return { version: driver.version };
}
