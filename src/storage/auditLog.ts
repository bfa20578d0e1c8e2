import { createHash, randomUUID } from 'node:crypto';
import type { Kysely, Transaction } from 'kysely';
import { canonicalJson } from './canonicalJson.js';
import { specificsOf } from './dialectSpecifics.js';
import { toInstant } from './instant.js';
import { assertNoPersonalData } from './personalData.js';
import { runInTransaction } from './runInTransaction.js';
import type { Database } from './schema.js';

/**
 * The audit log (workflow.md "Across all of it"): every command appends one
 * event in its own transaction. Events form a hash chain,
 * `hash = sha256(prev_hash + canonical JSON of the event)`, with gap-free
 * sequence numbers, so that a changed, deleted or reordered event is found by
 * `verifyAuditChain`. Appends serialise on the one-row `audit_head` (locked
 * FOR UPDATE on PostgreSQL; SQLite transactions already hold the write lock):
 * append last in a command, so that the lock is held only until commit.
 */

export const GENESIS_HASH = '0'.repeat(64);

export interface AuditEventInput {
  /** Defaults to a new UUID. */
  id?: string;
  /** When the command took effect, passed in by the caller (UTC). */
  at: string;
  actorId: string;
  actorRole: string;
  command: string;
  caseId?: string | null;
  /** What the command did, by ids and codes: never personal data. */
  payload: Record<string, unknown>;
}

export interface AuditEvent {
  seq: number;
  id: string;
  at: string;
  actorId: string;
  actorRole: string;
  command: string;
  caseId: string | null;
  payload: Record<string, unknown>;
  prevHash: string;
  hash: string;
}

type HashedFields = Omit<AuditEvent, 'prevHash' | 'hash'>;

export function auditHash(prevHash: string, event: HashedFields): string {
  const body = canonicalJson({
    seq: event.seq,
    id: event.id,
    at: event.at,
    actorId: event.actorId,
    actorRole: event.actorRole,
    command: event.command,
    caseId: event.caseId,
    payload: event.payload,
  });
  return createHash('sha256').update(prevHash).update(body).digest('hex');
}

/** Appends one event inside the caller's transaction (or its own, given the database). */
export async function appendAuditEvent(
  db: Kysely<Database> | Transaction<Database>,
  input: AuditEventInput,
): Promise<AuditEvent> {
  assertNoPersonalData(input.payload, '审计记录');
  const payloadJson = canonicalJson(input.payload);
  return runInTransaction(db, async (tx) => {
    const head = await specificsOf(tx)
      .forUpdate(tx.selectFrom('auditHead').select(['lastSeq', 'lastHash']).where('id', '=', 1))
      .executeTakeFirstOrThrow();
    const fields: HashedFields = {
      seq: head.lastSeq + 1,
      id: input.id ?? randomUUID(),
      at: toInstant(input.at),
      actorId: input.actorId,
      actorRole: input.actorRole,
      command: input.command,
      caseId: input.caseId ?? null,
      payload: JSON.parse(payloadJson) as Record<string, unknown>,
    };
    const hash = auditHash(head.lastHash, fields);
    await tx
      .insertInto('auditEvents')
      .values({
        seq: fields.seq,
        id: fields.id,
        at: fields.at,
        actorId: fields.actorId,
        actorRole: fields.actorRole,
        command: fields.command,
        caseId: fields.caseId,
        payloadJson,
        prevHash: head.lastHash,
        hash,
      })
      .execute();
    await tx
      .updateTable('auditHead')
      .set({ lastSeq: fields.seq, lastHash: hash })
      .where('id', '=', 1)
      .execute();
    return { ...fields, prevHash: head.lastHash, hash };
  });
}

export type AuditProblem = 'changed' | 'missing' | 'reordered' | 'head_mismatch' | 'anchor_mismatch';

export type AuditVerification =
  | { ok: true; count: number; lastSeq: number; lastHash: string }
  | {
      ok: false;
      problem: AuditProblem;
      /** Sequence number of the first bad event (for `missing`: the number that is gone). */
      seq: number;
      /** Id of the event at fault; for `missing`, the id of the event after the gap (if any). */
      id: string | null;
      message: string;
    };

/**
 * Walks the chain in sequence order, in batches, and reports the first event
 * that was changed (its hash no longer matches its content), deleted (a gap
 * in the sequence, or a head that is ahead of the last event) or moved (its
 * prev_hash does not link to the event before it).
 *
 * The head is read first and the walk stops there, so that events appended
 * while verifying are neither checked nor mistaken for damage. Someone able
 * to rewrite the whole table could rebuild a consistent chain: `anchor`, a
 * (seq, hash) pair kept outside the database (printed by earlier runs), pins
 * the history up to that point.
 */
export async function verifyAuditChain(
  db: Kysely<Database>,
  opts: { batchSize?: number; anchor?: { seq: number; hash: string } } = {},
): Promise<AuditVerification> {
  const batchSize = opts.batchSize ?? 5000;
  const head = await db
    .selectFrom('auditHead')
    .select(['lastSeq', 'lastHash'])
    .where('id', '=', 1)
    .executeTakeFirst();
  if (!head) return { ok: false, problem: 'head_mismatch', seq: 0, id: null, message: '审计链头记录缺失' };
  let expectedSeq = 1;
  let prevHash = GENESIS_HASH;
  const fail = (
    problem: AuditProblem,
    seq: number,
    id: string | null,
    message: string,
  ): AuditVerification => ({
    ok: false,
    problem,
    seq,
    id,
    message,
  });
  while (expectedSeq <= head.lastSeq) {
    const rows = await db
      .selectFrom('auditEvents')
      .selectAll()
      .where('seq', '>=', expectedSeq)
      .where('seq', '<=', head.lastSeq)
      .orderBy('seq')
      .limit(batchSize)
      .execute();
    if (rows.length === 0) break;
    for (const row of rows) {
      if (row.seq !== expectedSeq) {
        return fail(
          'missing',
          expectedSeq,
          row.id,
          `审计事件 #${expectedSeq} 缺失（已被删除）；其后的事件为 #${row.seq} (${row.id})`,
        );
      }
      let payload: Record<string, unknown> | undefined;
      try {
        payload = JSON.parse(row.payloadJson) as Record<string, unknown>;
      } catch {
        payload = undefined;
      }
      if (payload === undefined || auditHash(row.prevHash, { ...row, payload }) !== row.hash) {
        return fail('changed', row.seq, row.id, `审计事件 #${row.seq} (${row.id}) 内容已被篡改`);
      }
      if (row.prevHash !== prevHash) {
        return fail(
          'reordered',
          row.seq,
          row.id,
          `审计事件 #${row.seq} (${row.id}) 未链接到前一事件（顺序被改动或链被替换）`,
        );
      }
      if (opts.anchor && opts.anchor.seq === row.seq && opts.anchor.hash !== row.hash) {
        return fail(
          'anchor_mismatch',
          row.seq,
          row.id,
          `审计事件 #${row.seq} (${row.id}) 与外部保存的锚点哈希不符（链被整体重写）`,
        );
      }
      prevHash = row.hash;
      expectedSeq++;
    }
  }
  const lastSeq = expectedSeq - 1;
  if (head.lastSeq > lastSeq) {
    return fail(
      'missing',
      lastSeq + 1,
      null,
      `审计事件 #${lastSeq + 1} 至 #${head.lastSeq} 缺失（链尾被删除）`,
    );
  }
  if (head.lastHash !== prevHash) return fail('head_mismatch', lastSeq, null, '审计链头与最后一个事件不一致');
  if (opts.anchor && opts.anchor.seq > lastSeq) {
    return fail(
      'anchor_mismatch',
      opts.anchor.seq,
      null,
      `外部锚点 #${opts.anchor.seq} 超出当前链长（链被截短）`,
    );
  }
  return { ok: true, count: lastSeq, lastSeq, lastHash: prevHash };
}

/** The events of one case, oldest first. */
export async function listAuditEventsForCase(
  db: Kysely<Database> | Transaction<Database>,
  caseId: string,
): Promise<AuditEvent[]> {
  const rows = await db
    .selectFrom('auditEvents')
    .selectAll()
    .where('caseId', '=', caseId)
    .orderBy('seq')
    .execute();
  return rows.map(({ payloadJson, ...rest }) => ({
    ...rest,
    payload: JSON.parse(payloadJson) as Record<string, unknown>,
  }));
}
