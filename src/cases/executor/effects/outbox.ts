import { currentTemplateVersion } from '../../../notify/messageTemplates.js';
import { enqueue } from '../../../storage/outbox.js';
import type { EffectHandler } from '../effectEnv.js';

/** A message to the holder (SMS) or the unit (message centre), in the outbox of this transaction. */
export const outbox: EffectHandler<'outbox'> = async (e, env) => {
  if (e.channel === 'dashboard') return; // the reminders table is the dashboard's source
  const recipient =
    e.recipient.kind === 'holder'
      ? await env.holderPhone(e.recipient.holderId)
      : e.recipient.kind === 'unit'
        ? e.recipient.unitId
        : null;
  if (recipient === null) return; // no phone on record: the holder sees it online
  await enqueue(env.tx, {
    id: e.messageId,
    channel: e.channel,
    recipient,
    templateId: e.template,
    // The wording in force now is frozen with the message (templates are versioned, never rewritten).
    templateVersion: currentTemplateVersion(e.template, env.templates),
    // 申请编号 for the unit message's wording (templates.yaml version 2; issue 15).
    payload: { ...e.params, applicationNo: env.applicationNo },
    caseId: env.caseId,
    now: env.now,
  });
  (env.docs.messageIds ??= []).push(e.messageId);
};
