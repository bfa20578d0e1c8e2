import { createHash } from 'node:crypto';
import type { Kysely } from 'kysely';
import { LEGACY_CHAIN } from './auditSubject.js';
import { merkleRoot, type CheckpointLeaf } from './auditMerkle.js';
import { canonicalJson } from './canonicalJson.js';
import { specificsOf } from './dialectSpecifics.js';
import { toInstant } from './instant.js';
import { runInTransaction } from './runInTransaction.js';
import type { Database } from './schema.js';

export interface AuditCheckpoint {
  seq: number;
  at: string;
  leafCount: number;
  eventCount: number;
  merkleRoot: string;
  prevHash: string;
  hash: string;
}

type CheckpointFields = Omit<AuditCheckpoint, 'prevHash' | 'hash'>;

export function checkpointHash(prevHash: string, c: CheckpointFields): string {
  const body = canonicalJson({
    seq: c.seq,
    at: c.at,
    leafCount: c.leafCount,
    eventCount: c.eventCount,
    merkleRoot: c.merkleRoot,
  });
  return createHash('sha256').update(prevHash).update(body).digest('hex');
}

const LEAF_BATCH = 1000;

/**
 * Writes the next city-level checkpoint (docs/audit.md): the head of every
 * chain that grew since the last checkpoint becomes a leaf, their Merkle root
 * is chained to the previous checkpoint. Returns null when no chain grew.
 *
 * Only this job locks the checkpoint head (a lease held for its own short
 * transaction: two runs at once queue, neither forks the chain); commands never
 * touch it. It reads chain heads as committed: an append still in flight goes
 * into the next checkpoint. Run by `jifen sweep` and `jifen audit checkpoint`.
 */
export async function writeAuditCheckpoint(
  db: Kysely<Database>,
  opts: { now: string },
): Promise<AuditCheckpoint | null> {
  return runInTransaction(db, async (tx) => {
    const head = await specificsOf(tx)
      .forUpdate(tx.selectFrom('auditCheckpointHead').select(['lastSeq', 'lastHash']).where('id', '=', 1))
      .executeTakeFirstOrThrow();
    const pending = await tx
      .selectFrom('auditChains')
      .select(['chain', 'lastSeq', 'lastHash', 'checkpointedSeq'])
      .whereRef('lastSeq', '>', 'checkpointedSeq')
      .execute();
    const leaves: CheckpointLeaf[] = pending.map((c) => ({
      chain: c.chain,
      chainSeq: c.lastSeq,
      hash: c.lastHash,
    }));
    let eventCount = pending.reduce((n, c) => n + (c.lastSeq - c.checkpointedSeq), 0);
    // The legacy single chain (events before migration 0170) is anchored like any other.
    const legacy = await tx
      .selectFrom('auditHead')
      .select(['lastSeq', 'lastHash'])
      .where('id', '=', 1)
      .executeTakeFirst();
    if (legacy && legacy.lastSeq > 0) {
      const anchored = await tx
        .selectFrom('auditCheckpointLeaves')
        .select((eb) => eb.fn.max('chainSeq').as('seq'))
        .where('chain', '=', LEGACY_CHAIN)
        .executeTakeFirst();
      const anchoredSeq = Number(anchored?.seq ?? 0);
      if (legacy.lastSeq > anchoredSeq) {
        leaves.push({ chain: LEGACY_CHAIN, chainSeq: legacy.lastSeq, hash: legacy.lastHash });
        eventCount += legacy.lastSeq - anchoredSeq;
      }
    }
    if (leaves.length === 0) return null;
    const fields: CheckpointFields = {
      seq: head.lastSeq + 1,
      at: toInstant(opts.now),
      leafCount: leaves.length,
      eventCount,
      merkleRoot: merkleRoot(leaves),
    };
    const hash = checkpointHash(head.lastHash, fields);
    await tx
      .insertInto('auditCheckpoints')
      .values({ ...fields, prevHash: head.lastHash, hash })
      .execute();
    for (let i = 0; i < leaves.length; i += LEAF_BATCH) {
      await tx
        .insertInto('auditCheckpointLeaves')
        .values(leaves.slice(i, i + LEAF_BATCH).map((l) => ({ checkpointSeq: fields.seq, ...l })))
        .execute();
    }
    // The hint that keeps the next run to the chains that grew since (never trusted by verification).
    await tx
      .updateTable('auditChains')
      .from('auditCheckpointLeaves')
      .set((eb) => ({ checkpointedSeq: eb.ref('auditCheckpointLeaves.chainSeq') }))
      .whereRef('auditCheckpointLeaves.chain', '=', 'auditChains.chain')
      .where('auditCheckpointLeaves.checkpointSeq', '=', fields.seq)
      .execute();
    await tx
      .updateTable('auditCheckpointHead')
      .set({ lastSeq: fields.seq, lastHash: hash })
      .where('id', '=', 1)
      .execute();
    return { ...fields, prevHash: head.lastHash, hash };
  });
}
