import { createHash } from 'node:crypto';
import { canonicalJson } from './canonicalJson.js';

/** One chain head anchored by a checkpoint. */
export interface CheckpointLeaf {
  chain: string;
  chainSeq: number;
  hash: string;
}

const sha256 = (...parts: (string | Buffer)[]): Buffer => {
  const h = createHash('sha256');
  for (const p of parts) h.update(p);
  return h.digest();
};

/** Leaves and inner nodes are hashed with different prefixes (RFC 6962 §2.1), so a node cannot pose as a leaf. */
export const leafHash = (leaf: CheckpointLeaf): Buffer =>
  sha256(Buffer.from([0]), canonicalJson({ chain: leaf.chain, chainSeq: leaf.chainSeq, hash: leaf.hash }));

/** Orders leaves by chain name, by code unit (the same in every locale and engine). */
export const byChain = (a: CheckpointLeaf, b: CheckpointLeaf): number =>
  a.chain < b.chain ? -1 : a.chain > b.chain ? 1 : 0;

/**
 * The Merkle root (hex) over the leaves in chain order: pairs hashed level by
 * level, an odd node carried up unchanged (RFC 6962's shape). A proof that one
 * chain head is in a checkpoint is the log₂(n) sibling hashes on its path.
 */
export function merkleRoot(leaves: readonly CheckpointLeaf[]): string {
  if (leaves.length === 0) return sha256('').toString('hex');
  let level = [...leaves].sort(byChain).map(leafHash);
  while (level.length > 1) {
    const next: Buffer[] = [];
    for (let i = 0; i < level.length; i += 2) {
      const right = level[i + 1];
      next.push(right ? sha256(Buffer.from([1]), level[i]!, right) : level[i]!);
    }
    level = next;
  }
  return level[0]!.toString('hex');
}
