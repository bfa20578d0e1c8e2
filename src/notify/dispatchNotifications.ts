import type { Kysely } from 'kysely';
import { dispatchBatch, type DispatchOptions, type DispatchReport } from './dispatcher.js';
import type { Database } from '../storage/schema.js';
import type { TemplateCatalogue } from './messageTemplates.js';
import { NotificationProvider } from './NotificationProvider.js';
import type { SmsDriver } from './SmsDriver.js';
import { fallbackToUnit } from './undeliverableFallback.js';

/**
 * One batch of the outbox through the notification channels: SMS via the
 * driver (retries with exponential backoff, dead letter after the last
 * attempt or a permanent refusal), unit messages into the unit's in-system
 * messages, and for every SMS that goes dead, the fallback message to the unit
 * in the same transaction. The texts are the policy snapshot's templates (`templates`).
 *
 * At least once + idempotency keys = once: a dispatcher that dies after the
 * gateway accepted a message but before recording it leaves it `sending`; when
 * its lease runs out another dispatcher sends the same id again, and the
 * gateway (which dedups by id) does not send a second SMS.
 */
export function dispatchNotifications(
  db: Kysely<Database>,
  sms: SmsDriver,
  now: string,
  { templates, ...opts }: Omit<DispatchOptions, 'onDead'> & { templates: TemplateCatalogue },
): Promise<DispatchReport> {
  return dispatchBatch(db, new NotificationProvider(db, sms, now, templates), now, {
    ...opts,
    onDead: async (tx, message, error) => {
      await fallbackToUnit(tx, message, error, now, templates);
    },
  });
}
