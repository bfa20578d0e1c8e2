/**
 * The worker thread of the render pool (src/http/renderPool.ts): anonymous
 * CPU-heavy work — the checklist PDF and the plan — off the server's event loop.
 * It composes the same policy snapshot as the server (the files plus the
 * revisions the server's PolicyStore composed, passed with each task), and
 * composes a new one only when their tag changes, so a worker never answers
 * from other policy data than the server.
 */
import type { PolicyRevision } from '../policy/mergeRevisions.js';
import { checklist } from '../checklist/index.js';
import { renderChecklistDocument } from '../documents/checklistDocument.js';
import { plan } from '../planner/index.js';
import { composePolicy } from '../policy/composePolicy.js';
import type { PolicyData } from '../policy/PolicyData.js';
import type { Profile } from '../profile/profileSchema.js';
import { isJifenError } from '../shared/errors.js';

/** The key of a refusal the worker returns instead of a result. */
export const REFUSED = 'jifenRefused';

export type RenderTask = { policy: { tag: string; revisions: readonly PolicyRevision[] } } & (
  | { kind: 'checklistPdf'; profile: Profile }
  | { kind: 'plan'; profile: Profile; horizonMonths: number; assumptions?: unknown }
);

/** One runner per worker thread: it keeps the thread's current snapshot (immutable, swapped whole). */
function createRunner() {
  let current: { tag: string; policy: PolicyData } | undefined;
  const work = async (task: RenderTask): Promise<unknown> => {
    if (current?.tag !== task.policy.tag)
      current = { tag: task.policy.tag, policy: composePolicy({ revisions: task.policy.revisions }) };
    const { policy } = current;
    if (task.kind === 'plan')
      return plan(
        task.profile,
        { horizonMonths: task.horizonMonths, ...(task.assumptions ? { assumptions: task.assumptions } : {}) },
        policy,
      );
    return renderChecklistDocument(checklist(task.profile, policy.catalogue), policy.rules, policy.fonts);
  };
  // A JifenError (bad input: e.g. an assumption out of range) crosses the thread boundary as data,
  // so the server answers it as the 4xx it is (renderPool.ts rebuilds it), never as a 500.
  return async (task: RenderTask): Promise<unknown> => {
    try {
      return await work(task);
    } catch (e) {
      if (!isJifenError(e)) throw e;
      return { [REFUSED]: { code: e.code, message: e.message, issues: e.issues, detail: e.detail } };
    }
  };
}

export default createRunner();
