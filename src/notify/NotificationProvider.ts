import type { Kysely } from 'kysely';
import { PermanentSendError, type MessageProvider, type OutgoingMessage } from './dispatcher.js';
import type { Database } from '../storage/schema.js';
import { insertUnitMessage } from '../storage/unitMessageRepository.js';
import { renderMessage, TemplateError, type TemplateCatalogue } from './messageTemplates.js';
import type { SmsDriver } from './SmsDriver.js';

/**
 * Delivers outbox messages by channel: an SMS to a holder is rendered from its
 * template version and handed to the SMS driver; a message to a unit lands in
 * the unit's in-system messages, once per outbox id (the dedup key), however
 * often a crashed dispatcher retries it.
 */
export class NotificationProvider implements MessageProvider {
  constructor(
    private readonly db: Kysely<Database>,
    private readonly sms: SmsDriver,
    private readonly now: string,
    private readonly templates: TemplateCatalogue,
  ) {}

  async send(m: OutgoingMessage): Promise<{ providerMessageId: string }> {
    let text: string;
    try {
      text = renderMessage(m, m.channel === 'sms' ? 'sms' : 'unit', this.templates);
    } catch (error) {
      // A missing template or parameter does not heal by retrying: dead letter, shown to the unit.
      if (error instanceof TemplateError) throw new PermanentSendError(error.message);
      throw error;
    }
    if (m.channel === 'sms')
      return this.sms.send({
        id: m.id,
        to: m.recipient,
        text,
        template: `${m.templateId}@${m.templateVersion}`,
      });
    const caseId = typeof m.payload.caseId === 'string' ? m.payload.caseId : null;
    await insertUnitMessage(this.db, {
      unitId: m.recipient,
      caseId,
      kind: 'notice',
      dedupKey: m.id,
      templateId: m.templateId,
      templateVersion: m.templateVersion,
      text,
      now: this.now,
    });
    return { providerMessageId: `inbox-${m.id}` };
  }
}
