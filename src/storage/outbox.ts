import { randomUUID } from 'node:crypto';
import { sql, type Kysely, type Selectable, type Transaction } from 'kysely';
import { JifenError } from '../shared/errors.js';
import { specificsOf } from './dialectSpecifics.js';
import { addMilliseconds, toInstant } from './instant.js';
import type { Database, OutboxChannel, OutboxStatus, OutboxTable } from './schema.js';

type Db = Kysely<Database> | Transaction<Database>;

/**
 * The outbox (docs/spec/workflow.md): SMS to holders and messages to units are rows
 * written in the same transaction as the command that causes them, so a
 * message exists exactly when its command committed. `dispatcher.ts` delivers
 * them; the message id is the idempotency key the provider dedups on.
 */

export interface OutboxMessageInput {
  id?: string;
  channel: OutboxChannel;
  /** Address for the provider (a phone number for SMS, a unit id for unit messages). Never logged. */
  recipient: string;
  templateId: string;
  templateVersion: number;
  payload: Record<string, unknown>;
  caseId?: string | null;
  maxAttempts?: number;
  now: string;
}

export interface OutboxMessage {
  id: string;
  channel: OutboxChannel;
  recipient: string;
  templateId: string;
  templateVersion: number;
  payload: Record<string, unknown>;
  caseId: string | null;
  status: OutboxStatus;
  attempts: number;
  maxAttempts: number;
  nextAttemptAt: string;
  leaseUntil: string | null;
  lastError: string | null;
  providerMessageId: string | null;
  sentAt: string | null;
  deliveredAt: string | null;
  createdAt: string;
  updatedAt: string;
}

export const DEFAULT_MAX_ATTEMPTS = 8;

function toMessage(db: Db, row: Selectable<OutboxTable>): OutboxMessage {
  return { ...row, payload: specificsOf(db).readJson<Record<string, unknown>>(row.payload) };
}

/** Writes a message in the caller's transaction; due at once. */
export async function enqueue(tx: Db, message: OutboxMessageInput): Promise<OutboxMessage> {
  const now = toInstant(message.now);
  const row = await tx
    .insertInto('outbox')
    .values({
      id: message.id ?? randomUUID(),
      channel: message.channel,
      recipient: message.recipient,
      templateId: message.templateId,
      templateVersion: message.templateVersion,
      payload: specificsOf(tx).json(message.payload),
      caseId: message.caseId ?? null,
      status: 'pending',
      attempts: 0,
      maxAttempts: message.maxAttempts ?? DEFAULT_MAX_ATTEMPTS,
      nextAttemptAt: now,
      leaseUntil: null,
      lastError: null,
      providerMessageId: null,
      sentAt: null,
      deliveredAt: null,
      createdAt: now,
      updatedAt: now,
    })
    .returningAll()
    .executeTakeFirstOrThrow();
  return toMessage(tx, row);
}

export async function getOutboxMessage(db: Db, id: string): Promise<OutboxMessage | undefined> {
  const row = await db.selectFrom('outbox').selectAll().where('id', '=', id).executeTakeFirst();
  return row && toMessage(db, row);
}

/** The messages of one case, oldest first (shown to the unit with their delivery status). */
export async function listOutboxForCase(db: Db, caseId: string): Promise<OutboxMessage[]> {
  const rows = await db
    .selectFrom('outbox')
    .selectAll()
    .where('caseId', '=', caseId)
    .orderBy('createdAt')
    .orderBy('id')
    .execute();
  return rows.map((r) => toMessage(db, r));
}

/** The delivery view of one case's messages (no recipient, no payload), oldest first. */
export async function listCaseMessageStatus(db: Db, caseId: string) {
  return db
    .selectFrom('outbox')
    .select(['id', 'channel', 'templateId', 'status', 'attempts', 'createdAt', 'sentAt'])
    .where('caseId', '=', caseId)
    .orderBy('createdAt')
    .execute();
}

/**
 * Claims up to `limit` due messages for this dispatcher: pending ones whose
 * next attempt is due, and `sending` ones whose lease ran out (a dispatcher
 * crashed between claim and result: the outcome is unknown, so the message is
 * sent again with the same id and the provider dedups). One statement on both
 * engines; on PostgreSQL the inner select takes its rows FOR UPDATE SKIP
 * LOCKED, so concurrent dispatchers never claim the same message.
 */
export async function claimDueMessages(
  db: Kysely<Database>,
  opts: { now: string; limit: number; leaseMs: number },
): Promise<OutboxMessage[]> {
  const now = toInstant(opts.now);
  const leaseUntil = addMilliseconds(now, opts.leaseMs);
  const s = specificsOf(db);
  const due = s.forUpdate(
    db
      .selectFrom('outbox')
      .select('id')
      .where((eb) =>
        eb.or([
          eb.and([eb('status', '=', 'pending'), eb('nextAttemptAt', '<=', now)]),
          eb.and([eb('status', '=', 'sending'), eb('leaseUntil', '<=', now)]),
        ]),
      )
      .orderBy('nextAttemptAt')
      .limit(opts.limit),
    { skipLocked: true },
  );
  const rows = await db
    .updateTable('outbox')
    .set({ status: 'sending', attempts: sql<number>`attempts + 1`, leaseUntil, updatedAt: now })
    .where('id', 'in', due)
    .returningAll()
    .execute();
  return rows.map((r) => toMessage(db, r)).sort((a, b) => (a.nextAttemptAt < b.nextAttemptAt ? -1 : 1));
}

/**
 * Records the outcome of one attempt. `attempt` is the fencing token: the
 * result is written only if the message is still in that claim (a dispatcher
 * whose lease expired and whose message was re-claimed writes nothing).
 * Returns whether the outcome was recorded.
 */
export async function recordAttempt(
  db: Db,
  id: string,
  attempt: number,
  outcome:
    | { ok: true; providerMessageId: string; now: string }
    | { ok: false; error: string; retryAt: string | null; now: string },
): Promise<boolean> {
  const now = toInstant(outcome.now);
  const q = db
    .updateTable('outbox')
    .where('id', '=', id)
    .where('status', '=', 'sending')
    .where('attempts', '=', attempt);
  const result = outcome.ok
    ? await q
        .set({
          status: 'sent',
          providerMessageId: outcome.providerMessageId,
          sentAt: now,
          leaseUntil: null,
          lastError: null,
          updatedAt: now,
        })
        .executeTakeFirst()
    : await q
        .set({
          status: outcome.retryAt === null ? 'dead' : 'pending',
          nextAttemptAt: outcome.retryAt === null ? now : toInstant(outcome.retryAt),
          leaseUntil: null,
          lastError: outcome.error.slice(0, 500),
          updatedAt: now,
        })
        .executeTakeFirst();
  return result.numUpdatedRows > 0n;
}

export interface DeliveryReport {
  /** Our message id, echoed by the provider (the idempotency key it was sent with). */
  messageId?: string;
  providerMessageId?: string;
  status: 'delivered' | 'failed';
  at: string;
  error?: string;
}

/**
 * A delivery report from the provider (delivered to the handset, or finally
 * failed). Idempotent: a report that repeats the status already recorded
 * changes nothing (`duplicate`); a late `failed` after `delivered` is ignored
 * as stale (the handset had it). A report may overtake the dispatcher's own
 * record (the provider answered, the report came back before the commit) or
 * end a retry loop whose attempt had timed out but reached the provider: it
 * is applied whatever the sending state, and the dispatcher's late result is
 * then not recorded (its claim no longer holds).
 */
export async function recordDeliveryReport(
  db: Db,
  report: DeliveryReport,
): Promise<{ outcome: 'applied' | 'duplicate'; message: OutboxMessage }> {
  const at = toInstant(report.at);
  const find = () =>
    report.messageId
      ? db.selectFrom('outbox').selectAll().where('id', '=', report.messageId).executeTakeFirst()
      : db
          .selectFrom('outbox')
          .selectAll()
          .where('providerMessageId', '=', report.providerMessageId ?? '')
          .executeTakeFirst();
  for (let tries = 0; tries < 3; tries++) {
    const row = await find();
    if (
      !row ||
      (report.providerMessageId &&
        row.providerMessageId &&
        row.providerMessageId !== report.providerMessageId)
    ) {
      throw new JifenError('not_found', '找不到对应的已发送消息', [], {
        ...(report.messageId ? { messageId: report.messageId } : {}),
        ...(report.providerMessageId ? { providerMessageId: report.providerMessageId } : {}),
      });
    }
    if (row.status === report.status || (row.status === 'delivered' && report.status === 'failed'))
      return { outcome: 'duplicate', message: toMessage(db, row) };
    // Compare-and-set on the status read: a concurrent report or dispatcher result makes us read again.
    const updated = await db
      .updateTable('outbox')
      .set({
        status: report.status,
        deliveredAt: report.status === 'delivered' ? at : null,
        lastError: report.status === 'failed' ? (report.error ?? '运营商报告投递失败').slice(0, 500) : null,
        providerMessageId: row.providerMessageId ?? report.providerMessageId ?? null,
        sentAt: row.sentAt ?? at,
        leaseUntil: null,
        deliveryReportedAt: at,
        updatedAt: at,
      })
      .where('id', '=', row.id)
      .where('status', '=', row.status)
      .where('attempts', '=', row.attempts)
      .returningAll()
      .executeTakeFirst();
    if (updated) return { outcome: 'applied', message: toMessage(db, updated) };
  }
  throw new JifenError('conflict', '消息状态正在变化，请稍后重试', [], {
    messageId: report.messageId ?? null,
  });
}

/** Counts by status, for the operator's dashboard. */
export async function countOutboxByStatus(db: Db): Promise<Partial<Record<OutboxStatus, number>>> {
  const rows = await db
    .selectFrom('outbox')
    .select(['status', (eb) => eb.fn.countAll<number>().as('n')])
    .groupBy('status')
    .execute();
  return Object.fromEntries(rows.map((r) => [r.status, Number(r.n)]));
}

/**
 * The undelivered part of the outbox (pending, sending, dead) for the metrics gauges: counts by
 * status and when the oldest pending message became due — an index range, never the history.
 */
export async function outboxBacklog(
  db: Db,
): Promise<{ byStatus: Partial<Record<OutboxStatus, number>>; oldestPendingAt: string | null }> {
  const rows = await db
    .selectFrom('outbox')
    .select(['status', (eb) => eb.fn.countAll<number>().as('n')])
    .where('status', 'in', ['pending', 'sending', 'dead'])
    .groupBy('status')
    .execute();
  const oldest = await db
    .selectFrom('outbox')
    .select((eb) => eb.fn.min('nextAttemptAt').as('at'))
    .where('status', '=', 'pending')
    .executeTakeFirst();
  return {
    byStatus: Object.fromEntries(rows.map((r) => [r.status, Number(r.n)])),
    oldestPendingAt: oldest?.at ? String(oldest.at) : null,
  };
}
