/**
 * What an SMS gateway is to jifen: one call per message, given our message id
 * as the idempotency key. A driver must make a repeated call with the same id
 * send nothing new (the dispatcher delivers at least once: after a crash
 * between the gateway's acceptance and our record, it sends the same id
 * again). Throws `PermanentSendError` (from the dispatcher) for a failure that
 * retrying cannot fix, any other error for a transient one.
 */
export interface SmsToSend {
  /** The outbox message id: the idempotency key. */
  id: string;
  /** The phone number. Never logged; drivers that write anything write it masked. */
  to: string;
  text: string;
  /** `templateId@version`, for the gateway's records and template registration. */
  template: string;
}

export interface SmsDriver {
  send(sms: SmsToSend): Promise<{ providerMessageId: string }>;
}
