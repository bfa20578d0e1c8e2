import { createHash } from 'node:crypto';
import type { Kysely, Transaction } from 'kysely';
import { JifenError } from '../shared/errors.js';
import { canonicalJson } from './canonicalJson.js';
import { specificsOf } from './dialectSpecifics.js';
import { toInstant } from './instant.js';
import type { Database } from './schema.js';

type Db = Kysely<Database> | Transaction<Database>;

/**
 * Idempotency keys (docs/spec/workflow.md: a command repeated with the same key has its
 * effect once). Keys are scoped to the actor. The key row is inserted first,
 * in the command's transaction: a concurrent twin waits on the key (PostgreSQL
 * ON CONFLICT waits for the first transaction), then finds the stored
 * response and replays it instead of running the command a second time.
 */

export interface IdempotencyRequest {
  actorId: string;
  key: string;
  command: string;
  /** `requestHash(input)`: the same key with a different request is refused. */
  requestHash: string;
  now: string;
}

export const requestHash = (input: unknown): string =>
  createHash('sha256').update(canonicalJson(input)).digest('hex');

export async function withIdempotency<T>(
  tx: Transaction<Database>,
  request: IdempotencyRequest,
  run: () => Promise<T>,
): Promise<{ replayed: boolean; response: T }> {
  const s = specificsOf(tx);
  const now = toInstant(request.now);
  const inserted = await tx
    .insertInto('idempotencyKeys')
    .values({
      actorId: request.actorId,
      key: request.key,
      command: request.command,
      requestHash: request.requestHash,
      response: null,
      createdAt: now,
      completedAt: null,
    })
    .onConflict((oc) => oc.columns(['actorId', 'key']).doNothing())
    .returning('key')
    .executeTakeFirst();
  if (!inserted) {
    const existing = await getIdempotencyRecord(tx, request.actorId, request.key);
    if (!existing) throw new JifenError('conflict', '请求正在处理中，请稍后重试', [], { key: request.key });
    if (existing.command !== request.command || existing.requestHash !== request.requestHash) {
      throw new JifenError('idempotency_mismatch', '该幂等键已用于另一个不同的请求', [], {
        key: request.key,
        command: existing.command,
      });
    }
    if (existing.completedAt === null)
      throw new JifenError('conflict', '请求正在处理中，请稍后重试', [], { key: request.key });
    return { replayed: true, response: existing.response as T };
  }
  const response = await run();
  await tx
    .updateTable('idempotencyKeys')
    .set({ response: s.json(response ?? null), completedAt: now })
    .where('actorId', '=', request.actorId)
    .where('key', '=', request.key)
    .execute();
  return { replayed: false, response };
}

export async function getIdempotencyRecord(db: Db, actorId: string, key: string) {
  const row = await db
    .selectFrom('idempotencyKeys')
    .selectAll()
    .where('actorId', '=', actorId)
    .where('key', '=', key)
    .executeTakeFirst();
  return row && { ...row, response: specificsOf(db).readJson(row.response) };
}

/** Housekeeping: forget keys older than `before` (a retry window of days, not years). */
export async function purgeIdempotencyKeys(db: Db, before: string): Promise<number> {
  const result = await db
    .deleteFrom('idempotencyKeys')
    .where('createdAt', '<', toInstant(before))
    .executeTakeFirst();
  return Number(result.numDeletedRows);
}
