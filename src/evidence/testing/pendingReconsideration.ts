/**
 * A case of the test world taken through filing, review and determination,
 * then (optionally) a reconsideration request by the holder: the state in
 * which evidence is uploaded and reconsideration facts are reviewed.
 */
import type { Kysely } from 'kysely';
import {
  acceptApplication,
  createDraft,
  determinePoints,
  getCaseView,
  recordTaskResult,
  requestReconsideration,
  startReview,
  submitApplication,
  verifyApplication,
  type CaseCommandResult,
  type CaseDeps,
} from '../../cases/index.js';
import { at, type World } from '../../cases/testing/world.js';
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
  let version = 0;
  let n = 0;
  const go = async (
    f: (db: Kysely<Database>, req: never, deps: CaseDeps) => Promise<CaseCommandResult>,
    actor: Actor,
    day: string,
    input: unknown,
  ) => {
    const r = await f(
      db,
      {
        actor,
        caseId,
        expectedVersion: version,
        idempotencyKey: `${caseId}-${++n}`,
        ...at(day),
        input,
      } as never,
      testPolicy,
    );
    version = r.version;
    return r;
  };
  const created = await createDraft(
    db,
    {
      actor: a.hrA,
      idempotencyKey: `${caseId}-${++n}`,
      ...at('2025-09-15'),
      input: { holderId: opts.holderId ?? w.holders.h1, caseId, claims: [{ indicator: 'education' }] },
    },
    testPolicy,
  );
  version = created.version;
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
  return { version };
}
