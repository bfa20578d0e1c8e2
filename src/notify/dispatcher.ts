import type { Kysely, Transaction } from 'kysely';
import { addMilliseconds, toInstant } from '../storage/instant.js';
import { claimDueMessages, recordAttempt, type OutboxMessage } from '../storage/outbox.js';
import { runInTransaction } from '../storage/runInTransaction.js';
import type { Database, OutboxChannel } from '../storage/schema.js';

/**
 * Delivers the outbox. Run it from a loop, a timer of the operator's process
 * manager or the CLI; several dispatchers may run at once.
 *
 * Exactly-once effect = at-least-once delivery + dedup by message id at the
 * provider: a dispatcher that crashes after claiming (or after sending but
 * before recording) leaves the message `sending`; once its lease expires the
 * message is claimed again and sent again with the same id.
 */

export interface OutgoingMessage {
  /** The idempotency key: the provider must send one message per id, however often it is called. */
  id: string;
  channel: OutboxChannel;
  recipient: string;
  templateId: string;
  templateVersion: number;
  payload: Record<string, unknown>;
}

export interface MessageProvider {
  /** Sends (or recognises as already sent) the message; throws on failure. */
  send(message: OutgoingMessage): Promise<{ providerMessageId: string }>;
}

/** A failure not worth retrying (e.g. an invalid number); the message goes straight to `dead`. */
export class PermanentSendError extends Error {
  override readonly name = 'PermanentSendError';
}

export interface DispatchOptions {
  limit?: number;
  /** How long a claim is exclusive; longer than the slowest provider call. */
  leaseMs?: number;
  /** First retry delay; doubled per attempt up to `maxBackoffMs`. */
  baseBackoffMs?: number;
  maxBackoffMs?: number;
  /**
   * Runs in the transaction that records a message as dead (the dead-letter
   * state), e.g. the in-system message to the unit for an SMS that could not be
   * sent: both or neither, so a crash cannot lose the fallback.
   */
  onDead?: (tx: Transaction<Database>, message: OutboxMessage, error: string) => Promise<void>;
}

export interface DispatchReport {
  claimed: number;
  sent: number;
  retrying: number;
  dead: number;
  /** Results not recorded because the claim had been taken over (lease expired). */
  superseded: number;
}

export function backoffMs(
  attempt: number,
  opts: Required<Pick<DispatchOptions, 'baseBackoffMs' | 'maxBackoffMs'>>,
): number {
  return Math.min(opts.maxBackoffMs, opts.baseBackoffMs * 2 ** Math.max(0, attempt - 1));
}

// Provider error texts may echo the recipient; keep long digit runs out of the stored error.
const redact = (text: string): string => text.replace(/\d{7,}/g, (d) => `${d.slice(0, 3)}****${d.slice(-2)}`);

export async function dispatchBatch(
  db: Kysely<Database>,
  provider: MessageProvider,
  now: string,
  opts: DispatchOptions = {},
): Promise<DispatchReport> {
  const at = toInstant(now);
  const backoff = {
    baseBackoffMs: opts.baseBackoffMs ?? 30_000,
    maxBackoffMs: opts.maxBackoffMs ?? 3_600_000,
  };
  const claimed = await claimDueMessages(db, {
    now: at,
    limit: opts.limit ?? 50,
    leaseMs: opts.leaseMs ?? 60_000,
  });
  const report: DispatchReport = { claimed: claimed.length, sent: 0, retrying: 0, dead: 0, superseded: 0 };
  for (const message of claimed) {
    const outcome = await attempt(provider, message);
    let recorded: boolean;
    if (outcome.ok) {
      recorded = await recordAttempt(db, message.id, message.attempts, {
        ok: true,
        providerMessageId: outcome.providerMessageId,
        now: at,
      });
      if (recorded) report.sent++;
    } else {
      const giveUp = outcome.permanent || message.attempts >= message.maxAttempts;
      const retryAt = giveUp ? null : addMilliseconds(at, backoffMs(message.attempts, backoff));
      const error = redact(outcome.error);
      const record = (tx: Kysely<Database> | Transaction<Database>) =>
        recordAttempt(tx, message.id, message.attempts, { ok: false, error, retryAt, now: at });
      const onDead = opts.onDead;
      recorded =
        giveUp && onDead
          ? await runInTransaction(db, async (tx) => {
              const ok = await record(tx);
              if (ok) await onDead(tx, message, error);
              return ok;
            })
          : await record(db);
      if (recorded) {
        if (giveUp) report.dead++;
        else report.retrying++;
      }
    }
    if (!recorded) report.superseded++;
  }
  return report;
}

async function attempt(
  provider: MessageProvider,
  m: OutboxMessage,
): Promise<{ ok: true; providerMessageId: string } | { ok: false; error: string; permanent: boolean }> {
  try {
    const { providerMessageId } = await provider.send({
      id: m.id,
      channel: m.channel,
      recipient: m.recipient,
      templateId: m.templateId,
      templateVersion: m.templateVersion,
      payload: m.payload,
    });
    return { ok: true, providerMessageId };
  } catch (error) {
    return {
      ok: false,
      error: error instanceof Error ? error.message : String(error),
      permanent: error instanceof PermanentSendError,
    };
  }
}
