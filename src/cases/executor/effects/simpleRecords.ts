/** Effects that write one row each: a refusal, a confirmation at endorsement, an urgency note, a reminder. */
import { JifenError } from '../../../shared/errors.js';
import { setUrgencyNote } from '../../../storage/caseRepository.js';
import { insertConfirmation } from '../../../storage/confirmationRepository.js';
import { insertRefusal } from '../../../storage/refusalRepository.js';
import { createReminderOnce } from '../../../storage/reminderRepository.js';
import type { EffectHandler } from '../effectEnv.js';

export const createRefusal: EffectHandler<'create_refusal'> = (e, env) =>
  insertRefusal(env.tx, { caseId: env.caseId, reasons: e.reasons, decidedBy: env.actor.id, now: env.now });

export const recordConfirmation: EffectHandler<'record_confirmation'> = (e, env) =>
  insertConfirmation(env.tx, {
    caseId: env.caseId,
    determinationSeq: e.determinationSeq,
    validUntil: e.validUntil,
    confirmedOn: e.on,
    now: env.now,
  });

export const recordUrgencyNote: EffectHandler<'record_urgency_note'> = (e, env) =>
  setUrgencyNote(env.tx, env.caseId, e.text);

export const createReminder: EffectHandler<'create_reminder'> = async (e, env) => {
  const fresh = await createReminderOnce(env.tx, {
    caseId: env.caseId,
    kind: e.kind,
    dueOn: e.due,
    now: env.now,
  });
  // The version check already makes this once; the unique key is the second lock.
  if (!fresh)
    throw new JifenError('conflict', '该提醒已由另一进程发出', [], {
      caseId: env.caseId,
      kind: e.kind,
      due: e.due,
    });
  (env.docs.reminders ??= []).push(`${e.kind}@${e.due}`);
};
