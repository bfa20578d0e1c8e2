import { createHash, randomUUID } from 'node:crypto';
import type { Kysely, Transaction } from 'kysely';
import type { AuditEventOf } from './auditEvents.js';
import { auditSubject } from './auditSubject.js';
import { canonicalJson } from './canonicalJson.js';
import { toInstant } from './instant.js';
import { assertNoPersonalData } from './personalData.js';
import { runInTransaction } from './runInTransaction.js';
import type { Database } from './schema.js';

/**
 * The audit log (docs/spec/workflow.md "Across all of it"): every command appends one
 * event in its own transaction. Since issue 16 (docs/audit.md) events form one
 * hash chain per subject — a case, an account, a unit, a policy-data subject —
 * `hash = sha256(prev_hash + canonical JSON of the event and its place in the
 * chain)`, with gap-free `chain_seq` numbers, so that a changed, deleted or
 * reordered event is found by `verifyAuditChain`. An append locks only its own
 * chain's head row (`audit_chains`): commands on different cases never wait for
 * each other. The chains are anchored in the city-level chain of checkpoints
 * (`writeAuditCheckpoint`, run by the sweep or `jifen audit checkpoint`).
 * Append last in a command, so that the head lock is held only until commit.
 */

export const GENESIS_HASH = '0'.repeat(64);

/** Who and when, common to every event. */
export interface AuditEnvelope {
  /** Defaults to a new UUID. */
  id?: string;
  /** When the command took effect, passed in by the caller (UTC). */
  at: string;
  actorId: string;
  actorRole: string;
  /** The chain to append to; by default derived from the case or the payload (`auditSubject`). */
  subject?: string;
}

/**
 * An event to append: the envelope and one of the declared events
 * (`auditEvents.ts`: `command`, `caseId`, and the payload — what the command did,
 * by ids and codes: never personal data).
 */
export type AuditEventInput = AuditEnvelope & AuditEventOf;

/**
 * An event as stored. `command` and `payload` stay wide: rows written before the
 * union (or by a command since retired) must still read and verify; narrow with
 * `knownAuditEvent` where a reader needs the declared shape.
 */
export interface AuditEvent {
  /** Global ordering key (assigned by the database; not gap-free since migration 0170). */
  seq: number;
  id: string;
  at: string;
  actorId: string;
  actorRole: string;
  command: string;
  caseId: string | null;
  payload: Record<string, unknown>;
  /** The subject chain; null for an event of the legacy single chain (before migration 0170). */
  chain: string | null;
  /** Position in its chain, from 1 (for the legacy chain: `seq`). */
  chainSeq: number;
  prevHash: string;
  hash: string;
}

interface EventContent {
  id: string;
  at: string;
  actorId: string;
  actorRole: string;
  command: string;
  caseId: string | null;
  payload: Record<string, unknown>;
}

const hashOf = (prevHash: string, body: Record<string, unknown>): string =>
  createHash('sha256').update(prevHash).update(canonicalJson(body)).digest('hex');

const contentOf = (e: EventContent) => ({
  id: e.id,
  at: e.at,
  actorId: e.actorId,
  actorRole: e.actorRole,
  command: e.command,
  caseId: e.caseId,
  payload: e.payload,
});

/** Hash of an event of the legacy single chain (before migration 0170): its global `seq` is its place. */
export function auditHash(prevHash: string, event: EventContent & { seq: number }): string {
  return hashOf(prevHash, { seq: event.seq, ...contentOf(event) });
}

/** Hash of an event of a subject chain: its chain and place in it are hashed with its content. */
export function chainedAuditHash(
  prevHash: string,
  event: EventContent & { chain: string; chainSeq: number },
): string {
  return hashOf(prevHash, { chain: event.chain, chainSeq: event.chainSeq, ...contentOf(event) });
}

/** Appends one event inside the caller's transaction (or its own, given the database). */
export async function appendAuditEvent(
  db: Kysely<Database> | Transaction<Database>,
  input: AuditEventInput,
): Promise<AuditEvent> {
  assertNoPersonalData(input.payload, '审计记录');
  const payloadJson = canonicalJson(input.payload);
  const chain = auditSubject(input);
  return runInTransaction(db, async (tx) => {
    // Creates the chain's head on its first event, and in any case locks that one row
    // (an upsert takes the row lock on both engines) and returns its committed values.
    const head = await tx
      .insertInto('auditChains')
      .values({ chain, lastSeq: 0, lastHash: GENESIS_HASH, checkpointedSeq: 0 })
      .onConflict((oc) =>
        oc.column('chain').doUpdateSet((eb) => ({ lastSeq: eb.ref('auditChains.lastSeq') })),
      )
      .returning(['lastSeq', 'lastHash'])
      .executeTakeFirstOrThrow();
    const content: EventContent & { chain: string; chainSeq: number } = {
      chain,
      chainSeq: head.lastSeq + 1,
      id: input.id ?? randomUUID(),
      at: toInstant(input.at),
      actorId: input.actorId,
      actorRole: input.actorRole,
      command: input.command,
      caseId: input.caseId ?? null,
      payload: JSON.parse(payloadJson) as Record<string, unknown>,
    };
    const hash = chainedAuditHash(head.lastHash, content);
    const { seq } = await tx
      .insertInto('auditEvents')
      .values({
        id: content.id,
        at: content.at,
        actorId: content.actorId,
        actorRole: content.actorRole,
        command: content.command,
        caseId: content.caseId,
        payloadJson,
        prevHash: head.lastHash,
        hash,
        chain,
        chainSeq: content.chainSeq,
      })
      .returning('seq')
      .executeTakeFirstOrThrow();
    await tx
      .updateTable('auditChains')
      .set({ lastSeq: content.chainSeq, lastHash: hash })
      .where('chain', '=', chain)
      .execute();
    return { ...content, seq, prevHash: head.lastHash, hash };
  });
}

type AuditRow = Omit<AuditEvent, 'payload' | 'chainSeq'> & { payloadJson: string; chainSeq: number | null };

export const eventOfRow = ({ payloadJson, ...rest }: AuditRow): AuditEvent => ({
  ...rest,
  chainSeq: rest.chainSeq ?? rest.seq,
  payload: JSON.parse(payloadJson) as Record<string, unknown>,
});

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
  return rows.map(eventOfRow);
}

export { verifyAuditChain, type AuditProblem, type AuditVerification } from './auditVerify.js';
export { writeAuditCheckpoint, type AuditCheckpoint } from './auditCheckpoint.js';
