/**
 * The worker thread of the render pool (src/http/renderPool.ts): anonymous
 * CPU-heavy work — the checklist PDF and the plan — off the server's event loop.
 * It installs the same policy revisions the server has loaded (passed with each
 * task, re-installed only when their tag changes), so a worker never answers
 * from other policy data than the server.
 */
import { installRevisions, type PolicyRevision } from '../admin/policyRevisions.js';
import { checklist } from '../checklist/index.js';
import { renderChecklistDocument } from '../documents/checklistDocument.js';
import { plan } from '../planner/index.js';
import type { Profile } from '../profile/profileSchema.js';
import { defaultRuleSet } from '../rules/defaultRuleSet.js';

export type RenderTask = { policy: { tag: string; revisions: readonly PolicyRevision[] } } & (
  { kind: 'checklistPdf'; profile: Profile } | { kind: 'plan'; profile: Profile; horizonMonths: number }
);

let installed: string | undefined;

export default async function run(task: RenderTask): Promise<unknown> {
  if (task.policy.tag !== installed) {
    installRevisions(task.policy.revisions);
    installed = task.policy.tag;
  }
  if (task.kind === 'plan') return plan(task.profile, { horizonMonths: task.horizonMonths });
  return renderChecklistDocument(checklist(task.profile), defaultRuleSet());
}
