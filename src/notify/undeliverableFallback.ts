import type { Transaction } from 'kysely';
import { getCase } from '../storage/caseRepository.js';
import type { OutboxMessage } from '../storage/outbox.js';
import type { Database } from '../storage/schema.js';
import { insertUnitMessage } from '../storage/unitMessageRepository.js';
import { currentTemplateVersion, renderMessage, type TemplateCatalogue } from './messageTemplates.js';

/**
 * An SMS to a holder that could not be delivered (dead letter after its
 * retries, a permanent refusal, or a carrier's failed delivery report) becomes
 * an in-system message to the holder's unit, which can tell the holder
 * (docs/spec/workflow.md: failures are retried and then shown to the unit). Written in
 * the transaction that records the failure, once per SMS.
 */
export async function fallbackToUnit(
  tx: Transaction<Database>,
  m: Pick<
    OutboxMessage,
    'id' | 'channel' | 'recipient' | 'templateId' | 'templateVersion' | 'payload' | 'caseId'
  >,
  reason: string,
  now: string,
  templates: TemplateCatalogue,
): Promise<boolean> {
  if (m.channel !== 'sms' || !m.caseId) return false;
  const c = await getCase(tx, m.caseId);
  if (!c) return false;
  let original: string;
  try {
    original = renderMessage(m, 'sms', templates);
  } catch {
    original = `（模板 ${m.templateId}@${m.templateVersion}）`;
  }
  const templateVersion = currentTemplateVersion('sms_undeliverable', templates);
  return insertUnitMessage(tx, {
    unitId: c.unitId,
    caseId: m.caseId,
    kind: 'sms_undeliverable',
    dedupKey: `undeliverable:${m.id}`,
    templateId: 'sms_undeliverable',
    templateVersion,
    text: renderMessage(
      {
        templateId: 'sms_undeliverable',
        templateVersion,
        // Only the last four digits: enough for HR to know which number to correct.
        payload: { phoneTail: m.recipient.slice(-4), reason: reason.slice(0, 80), text: original },
      },
      'unit',
      templates,
    ),
    now,
  });
}
