import { createHash } from 'node:crypto';

/**
 * The id of a case created without a client-chosen one, derived from the account
 * and the idempotency key (UUID-shaped): a retry of the same create is then the
 * identical request and replays, instead of a new random id making it "another
 * request" under the same key.
 */
export function keyedCaseId(accountId: string, key: string): string {
  const h = createHash('sha256').update(`create_draft\n${accountId}\n${key}`).digest('hex');
  const variant = ((parseInt(h[16]!, 16) & 0x3) | 0x8).toString(16);
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-5${h.slice(13, 16)}-${variant}${h.slice(17, 20)}-${h.slice(20, 32)}`;
}
