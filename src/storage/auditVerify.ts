import type { Kysely, Transaction } from 'kysely';
import { checkpointHash } from './auditCheckpoint.js';
import { auditHash, chainedAuditHash, GENESIS_HASH } from './auditLog.js';
import { merkleRoot, type CheckpointLeaf } from './auditMerkle.js';
import { chainLabel, LEGACY_CHAIN } from './auditSubject.js';
import { runInTransaction } from './runInTransaction.js';
import type { Database } from './schema.js';

export type AuditProblem =
  | 'changed'
  | 'missing'
  | 'reordered'
  | 'head_mismatch'
  | 'anchor_mismatch'
  | 'checkpoint_changed'
  | 'checkpoint_missing';

export type AuditVerification =
  | {
      ok: true;
      /** Events verified, all chains. */
      count: number;
      /** Subject chains (the legacy single chain not counted). */
      chains: number;
      checkpoints: number;
      /** Events not yet anchored by a checkpoint (the tail an attacker could still rewrite consistently). */
      uncheckpointed: number;
      /** The last checkpoint, the anchor to keep outside the database (0 and the genesis hash when none). */
      lastSeq: number;
      lastHash: string;
    }
  | {
      ok: false;
      problem: AuditProblem;
      /** The chain at fault (`case:…`, `user:…`, `legacy`…); null for the checkpoint chain. */
      chain: string | null;
      /** Position of the first bad event in its chain (for `missing`: the number that is gone), or a checkpoint's number. */
      seq: number;
      /** Id of the event at fault; for `missing`, the id of the event after the gap (if any). */
      id: string | null;
      message: string;
    };

type Failure = Extract<AuditVerification, { ok: false }>;

class Found extends Error {
  constructor(readonly failure: Failure) {
    super(failure.message);
  }
}

const fail = (
  problem: AuditProblem,
  chain: string | null,
  seq: number,
  id: string | null,
  message: string,
): never => {
  throw new Found({ ok: false, problem, chain, seq, id, message });
};

type Anchored = Map<string, Map<number, { hash: string; checkpoint: number }>>;

/**
 * Verifies every chain and the checkpoints (docs/audit.md), in one consistent
 * snapshot (events appended meanwhile are neither checked nor mistaken for
 * damage), and names the first changed, missing or reordered event:
 *
 * 1. the checkpoint chain: numbers gap-free, each hash recomputed and linked to
 *    the one before, the head row at the last one, and `anchor` (a checkpoint's
 *    `seq:hash` kept outside the database) matched;
 * 2. each checkpoint's Merkle root recomputed from its leaves;
 * 3. each chain (the legacy single chain, then every subject chain): positions
 *    gap-free from 1, each hash recomputed from the content and linked to the
 *    one before, every anchored head equal to the event at that position, and
 *    the chain's head row at its last event.
 */
export async function verifyAuditChain(
  db: Kysely<Database>,
  opts: { batchSize?: number; anchor?: { seq: number; hash: string } } = {},
): Promise<AuditVerification> {
  try {
    return await runInTransaction(db, (tx) => verifyIn(tx, opts.batchSize ?? 5000, opts.anchor), {
      isolation: 'repeatable read',
      maxAttempts: 1,
    });
  } catch (error) {
    if (error instanceof Found) return error.failure;
    throw error;
  }
}

async function verifyIn(
  tx: Transaction<Database>,
  batchSize: number,
  anchor: { seq: number; hash: string } | undefined,
): Promise<AuditVerification> {
  const { lastSeq, lastHash, anchored } = await verifyCheckpoints(tx, anchor);
  const legacyCount = await verifyLegacyChain(tx, batchSize, anchored.get(LEGACY_CHAIN));
  const { count, chains, uncheckpointed } = await verifySubjectChains(tx, batchSize, anchored);
  return {
    ok: true,
    count: legacyCount + count,
    chains,
    checkpoints: lastSeq,
    uncheckpointed,
    lastSeq,
    lastHash,
  };
}

async function verifyCheckpoints(
  tx: Transaction<Database>,
  anchor: { seq: number; hash: string } | undefined,
): Promise<{ lastSeq: number; lastHash: string; anchored: Anchored }> {
  const checkpoints = await tx.selectFrom('auditCheckpoints').selectAll().orderBy('seq').execute();
  let expected = 1;
  let prev = GENESIS_HASH;
  for (const c of checkpoints) {
    if (c.seq !== expected)
      fail(
        'checkpoint_missing',
        null,
        expected,
        null,
        `审计检查点 #${expected} 缺失（已被删除）；其后为 #${c.seq}`,
      );
    if (checkpointHash(c.prevHash, c) !== c.hash)
      fail('checkpoint_changed', null, c.seq, null, `审计检查点 #${c.seq} 内容已被篡改`);
    if (c.prevHash !== prev)
      fail(
        'checkpoint_changed',
        null,
        c.seq,
        null,
        `审计检查点 #${c.seq} 未链接到前一检查点（顺序被改动或被替换）`,
      );
    if (anchor && anchor.seq === c.seq && anchor.hash !== c.hash)
      fail(
        'anchor_mismatch',
        null,
        c.seq,
        null,
        `审计检查点 #${c.seq} 与外部保存的锚点哈希不符（检查点链被整体重写）`,
      );
    prev = c.hash;
    expected++;
  }
  const lastSeq = expected - 1;
  const head = await tx
    .selectFrom('auditCheckpointHead')
    .select(['lastSeq', 'lastHash'])
    .where('id', '=', 1)
    .executeTakeFirst();
  if (!head) fail('head_mismatch', null, 0, null, '审计检查点链头记录缺失');
  if (head!.lastSeq > lastSeq)
    fail(
      'checkpoint_missing',
      null,
      lastSeq + 1,
      null,
      `审计检查点 #${lastSeq + 1} 至 #${head!.lastSeq} 缺失（被删除）`,
    );
  if (head!.lastHash !== prev)
    fail('head_mismatch', null, lastSeq, null, '审计检查点链头与最后一个检查点不一致');
  if (anchor && anchor.seq > lastSeq)
    fail(
      'anchor_mismatch',
      null,
      anchor.seq,
      null,
      `外部锚点 #${anchor.seq} 超出当前检查点链长（检查点被删除）`,
    );

  const byCheckpoint = new Map<number, CheckpointLeaf[]>();
  const leaves = await tx.selectFrom('auditCheckpointLeaves').selectAll().execute();
  for (const l of leaves) {
    const list = byCheckpoint.get(l.checkpointSeq) ?? [];
    list.push({ chain: l.chain, chainSeq: l.chainSeq, hash: l.hash });
    byCheckpoint.set(l.checkpointSeq, list);
  }
  const anchored: Anchored = new Map();
  for (const c of checkpoints) {
    const list = byCheckpoint.get(c.seq) ?? [];
    byCheckpoint.delete(c.seq);
    if (list.length !== c.leafCount || merkleRoot(list) !== c.merkleRoot)
      fail(
        'checkpoint_changed',
        null,
        c.seq,
        null,
        `审计检查点 #${c.seq} 所锚定的链头被改动（默克尔根不符）`,
      );
    for (const l of list) {
      const positions = anchored.get(l.chain) ?? new Map<number, { hash: string; checkpoint: number }>();
      positions.set(l.chainSeq, { hash: l.hash, checkpoint: c.seq });
      anchored.set(l.chain, positions);
    }
  }
  for (const orphan of byCheckpoint.keys())
    fail('checkpoint_missing', null, orphan, null, `审计检查点 #${orphan} 缺失（其锚定记录仍在）`);
  return { lastSeq, lastHash: prev, anchored };
}

function checkAnchor(chain: string, anchored: Anchored, chainSeq: number, hash: string, id: string): void {
  const leaf = anchored.get(chain)?.get(chainSeq);
  if (leaf && leaf.hash !== hash)
    fail(
      'anchor_mismatch',
      chain,
      chainSeq,
      id,
      `${chainLabel(chain)} 的审计事件 #${chainSeq} (${id}) 与检查点 #${leaf.checkpoint} 锚定的不符（链被整体重写）`,
    );
}

function checkAnchoredTail(chain: string, anchored: Anchored, lastSeq: number): void {
  for (const [chainSeq, leaf] of anchored.get(chain) ?? [])
    if (chainSeq > lastSeq)
      fail(
        'missing',
        chain,
        lastSeq + 1,
        null,
        `${chainLabel(chain)} 的审计事件 #${lastSeq + 1} 至 #${chainSeq} 缺失（检查点 #${leaf.checkpoint} 已锚定）`,
      );
}

/** The single chain of events written before migration 0170: hashed with their global `seq`, head in `audit_head`. */
async function verifyLegacyChain(
  tx: Transaction<Database>,
  batchSize: number,
  anchored: Anchored extends Map<string, infer V> ? V | undefined : never,
): Promise<number> {
  const chain = LEGACY_CHAIN;
  const label = chainLabel(chain);
  const head = await tx
    .selectFrom('auditHead')
    .select(['lastSeq', 'lastHash'])
    .where('id', '=', 1)
    .executeTakeFirst();
  if (!head) fail('head_mismatch', chain, 0, null, '审计链头记录缺失');
  const map: Anchored = new Map(anchored ? [[chain, anchored]] : []);
  let expected = 1;
  let prev = GENESIS_HASH;
  for (;;) {
    const rows = await tx
      .selectFrom('auditEvents')
      .selectAll()
      .where('chain', 'is', null)
      .where('seq', '>=', expected)
      .orderBy('seq')
      .limit(batchSize)
      .execute();
    if (rows.length === 0) break;
    for (const row of rows) {
      if (row.seq !== expected)
        fail(
          'missing',
          chain,
          expected,
          row.id,
          `${label} 的审计事件 #${expected} 缺失（已被删除）；其后为 #${row.seq} (${row.id})`,
        );
      const payload = parsePayload(row.payloadJson);
      if (payload === undefined || auditHash(row.prevHash, { ...row, payload }) !== row.hash)
        fail('changed', chain, row.seq, row.id, `${label} 的审计事件 #${row.seq} (${row.id}) 内容已被篡改`);
      if (row.prevHash !== prev)
        fail(
          'reordered',
          chain,
          row.seq,
          row.id,
          `${label} 的审计事件 #${row.seq} (${row.id}) 未链接到前一事件（顺序被改动或链被替换）`,
        );
      checkAnchor(chain, map, row.seq, row.hash, row.id);
      prev = row.hash;
      expected++;
    }
  }
  const lastSeq = expected - 1;
  checkChainEnd(chain, head!, lastSeq, prev, map);
  return lastSeq;
}

/** A chain's head row must stand at its last event, and no anchored position may lie beyond it. */
function checkChainEnd(
  chain: string,
  head: { lastSeq: number; lastHash: string },
  lastSeq: number,
  lastHash: string,
  anchored: Anchored,
): void {
  const label = chainLabel(chain);
  if (head.lastSeq > lastSeq)
    fail(
      'missing',
      chain,
      lastSeq + 1,
      null,
      `${label} 的审计事件 #${lastSeq + 1} 至 #${head.lastSeq} 缺失（链尾被删除）`,
    );
  if (head.lastHash !== lastHash)
    fail('head_mismatch', chain, lastSeq, null, `${label} 的链头与最后一个事件不一致`);
  checkAnchoredTail(chain, anchored, lastSeq);
}

function parsePayload(json: string): Record<string, unknown> | undefined {
  try {
    return JSON.parse(json) as Record<string, unknown>;
  } catch {
    return undefined;
  }
}

/** How far a swapped event may have moved for the report to call it reordered rather than changed. */
const REORDER_WINDOW = 16;

async function verifySubjectChains(
  tx: Transaction<Database>,
  batchSize: number,
  anchored: Anchored,
): Promise<{ count: number; chains: number; uncheckpointed: number }> {
  const heads = new Map(
    (await tx.selectFrom('auditChains').select(['chain', 'lastSeq', 'lastHash']).execute()).map((h) => [
      h.chain,
      h,
    ]),
  );
  const seen = new Set<string>();
  let count = 0;
  let uncheckpointed = 0;
  let chain: string | null = null;
  let expected = 1;
  let prev = GENESIS_HASH;

  const finish = (name: string, lastSeq: number, lastHash: string): void => {
    const label = chainLabel(name);
    const head = heads.get(name);
    if (!head) fail('head_mismatch', name, lastSeq, null, `${label} 的审计链头记录缺失`);
    checkChainEnd(name, head!, lastSeq, lastHash, anchored);
    const checkpointed = Math.max(0, ...(anchored.get(name)?.keys() ?? []));
    uncheckpointed += lastSeq - checkpointed;
    seen.add(name);
  };

  let after: { chain: string; chainSeq: number } | null = null;
  for (;;) {
    let q = tx.selectFrom('auditEvents').selectAll().where('chain', 'is not', null);
    if (after) {
      const { chain: c, chainSeq: s } = after;
      q = q.where((eb) =>
        eb.or([eb('chain', '>', c), eb.and([eb('chain', '=', c), eb('chainSeq', '>', s)])]),
      );
    }
    const rows = await q.orderBy('chain').orderBy('chainSeq').limit(batchSize).execute();
    if (rows.length === 0) break;
    for (const row of rows) {
      const name = row.chain!;
      const position = row.chainSeq ?? 0;
      if (name !== chain) {
        if (chain !== null) finish(chain, expected - 1, prev);
        chain = name;
        expected = 1;
        prev = GENESIS_HASH;
      }
      const label = chainLabel(name);
      if (position !== expected)
        fail(
          'missing',
          name,
          expected,
          row.id,
          `${label} 的审计事件 #${expected} 缺失（已被删除）；其后为 #${position} (${row.id})`,
        );
      const payload = parsePayload(row.payloadJson);
      const content = { ...row, chain: name, payload: payload ?? {} };
      if (
        payload === undefined ||
        chainedAuditHash(row.prevHash, { ...content, chainSeq: position }) !== row.hash
      ) {
        const movedFrom = Array.from(
          { length: 2 * REORDER_WINDOW + 1 },
          (_, i) => position - REORDER_WINDOW + i,
        ).find(
          (p) =>
            p > 0 &&
            p !== position &&
            chainedAuditHash(row.prevHash, { ...content, chainSeq: p }) === row.hash,
        );
        if (payload !== undefined && movedFrom !== undefined)
          fail(
            'reordered',
            name,
            position,
            row.id,
            `${label} 的审计事件 #${position} (${row.id}) 原为第 ${movedFrom} 个（顺序被改动）`,
          );
        fail('changed', name, position, row.id, `${label} 的审计事件 #${position} (${row.id}) 内容已被篡改`);
      }
      if (row.prevHash !== prev)
        fail(
          'reordered',
          name,
          position,
          row.id,
          `${label} 的审计事件 #${position} (${row.id}) 未链接到前一事件（顺序被改动或链被替换）`,
        );
      checkAnchor(name, anchored, position, row.hash, row.id);
      prev = row.hash;
      expected++;
      count++;
    }
    const last = rows[rows.length - 1]!;
    after = { chain: last.chain!, chainSeq: last.chainSeq ?? 0 };
  }
  if (chain !== null) finish(chain, expected - 1, prev);
  for (const [name, head] of heads)
    if (!seen.has(name) && head.lastSeq > 0)
      fail(
        'missing',
        name,
        1,
        null,
        `${chainLabel(name)} 的审计事件 #1 至 #${head.lastSeq} 缺失（整条链被删除）`,
      );
  for (const name of anchored.keys())
    if (name !== LEGACY_CHAIN && !seen.has(name))
      fail('missing', name, 1, null, `${chainLabel(name)} 的审计事件缺失（整条链被删除，检查点已锚定）`);
  return { count, chains: seen.size, uncheckpointed };
}
