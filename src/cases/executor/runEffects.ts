/**
 * Carries out the machine's effects inside the command's transaction, one
 * handler per effect kind (effects/). Every id the machine derived (message
 * ids, determination sequence, notice sequence) is kept, so that a retried
 * command produces the same rows and a unique key stops a duplicate.
 */
import type { TemplateCatalogue } from '../../notify/messageTemplates.js';
import { holderPhone } from '../../storage/holderRepository.js';
import { toInstant } from '../../storage/instant.js';
import type { Actor, CaseSnapshot, Effect } from '../../workflow/index.js';
import type { CommandDocuments } from '../types.js';
import type { EffectContext, EffectEnv, EffectHandler, Tx } from './effectEnv.js';
import { createDetermination } from './effects/createDetermination.js';
import { createNotice } from './effects/createNotice.js';
import { createReceipt } from './effects/createReceipt.js';
import { outbox } from './effects/outbox.js';
import {
  createReconsideration,
  createReconsiderationDecision,
  decidePendingReconsiderations,
  reviewReconsiderationFact,
} from './effects/reconsideration.js';
import { recordPenalty } from './effects/recordPenalty.js';
import {
  assignTask,
  closeReferral,
  createReferral,
  createReviewTasks,
  recordTaskResult,
} from './effects/reviewTasks.js';
import {
  createReminder,
  createRefusal,
  recordConfirmation,
  recordUrgencyNote,
} from './effects/simpleRecords.js';

export type { EffectContext } from './effectEnv.js';
export { receiptNumber } from './effects/createReceipt.js';

/**
 * Effects that write no row here, each with the reason. The machine emits them
 * because they are part of what the command means (describeMachine shows them),
 * but their truth is kept elsewhere.
 */
export const NOT_RUN_HERE = {
  audit: 'the executor appends the audit event last, after every row (it serialises on the chain head)',
  set_deadline: 'deadlines live in the snapshot and its projected columns (snapshotColumns.ts)',
  pause_deadline: 'the paused clock lives in the snapshot and its projected columns (snapshotColumns.ts)',
  create_application_form:
    'the printable 积分申请表 is rendered from the case at the submitted version (applicationForm.ts); the audit event records that version',
} as const satisfies Partial<Record<Effect['type'], string>>;

type RunKind = Exclude<Effect['type'], keyof typeof NOT_RUN_HERE>;

/** One handler per kind that writes rows; the type makes a new kind without a handler a compile error. */
const HANDLERS: { [K in RunKind]: EffectHandler<K> } = {
  outbox,
  create_receipt: createReceipt,
  create_notice: createNotice,
  create_review_tasks: createReviewTasks,
  record_task_result: recordTaskResult,
  create_referral: createReferral,
  close_referral: closeReferral,
  create_refusal: createRefusal,
  record_penalty: recordPenalty,
  record_confirmation: recordConfirmation,
  create_determination: createDetermination,
  create_reconsideration: createReconsideration,
  create_reconsideration_decision: createReconsiderationDecision,
  review_reconsideration_fact: reviewReconsiderationFact,
  assign_task: assignTask,
  record_urgency_note: recordUrgencyNote,
  create_reminder: createReminder,
};

const runs = (e: Effect): e is Extract<Effect, { type: RunKind }> => !(e.type in NOT_RUN_HERE);

export async function runEffects(
  tx: Tx,
  effects: readonly Effect[],
  env: {
    actor: Actor;
    now: string;
    today: string;
    before: CaseSnapshot;
    after: CaseSnapshot;
    context: EffectContext;
    templates: TemplateCatalogue;
    /** 申请编号 of the case (the internal id for a row that never got one). */
    applicationNo: string;
  },
): Promise<CommandDocuments> {
  const phones = new Map<string, Promise<string | null>>();
  const run: EffectEnv = {
    ...env,
    tx,
    // One lookup per holder and command, however many messages it sends (issue 16).
    holderPhone: (holderId) => {
      let p = phones.get(holderId);
      if (!p) phones.set(holderId, (p = holderPhone(tx, holderId)));
      return p;
    },
    now: toInstant(env.now),
    caseId: env.after.caseId,
    docs: {},
    decisions: [],
  };
  for (const e of effects) {
    if (!runs(e)) continue;
    await (HANDLERS[e.type] as EffectHandler<typeof e.type>)(e, run);
  }
  // Decisions last: a changed result links the determination created above.
  await decidePendingReconsiderations(run);
  return run.docs;
}
