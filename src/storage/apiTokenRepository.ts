import type { Kysely, Transaction } from 'kysely';
import { JifenError } from '../shared/errors.js';
import type { Database } from './schema.js';
import { readUserRow } from './userRepository.js';

type Db = Kysely<Database> | Transaction<Database>;

/** Integration tokens (API tokens): stored by the hash of their secret, never the secret. */

export interface NewApiTokenRow {
  id: string;
  tokenHash: string;
  name: string;
  userId: string;
  /** JSON array of scopes, sorted. */
  scopes: string;
  now: string;
  expiresAt: string | null;
}

export async function insertApiToken(db: Db, t: NewApiTokenRow): Promise<void> {
  await db
    .insertInto('apiTokens')
    .values({
      id: t.id,
      tokenHash: t.tokenHash,
      name: t.name,
      userId: t.userId,
      scopes: t.scopes,
      createdAt: t.now,
      expiresAt: t.expiresAt,
      revokedAt: null,
      lastUsedAt: null,
    })
    .execute();
}

export async function revokeApiTokenRow(db: Db, id: string, now: string): Promise<void> {
  const r = await db
    .updateTable('apiTokens')
    .set({ revokedAt: now })
    .where('id', '=', id)
    .where('revokedAt', 'is', null)
    .executeTakeFirst();
  if (r.numUpdatedRows === 0n) throw new JifenError('not_found', '令牌不存在或已撤销');
}

/**
 * An API token (by the hash of its secret) and its owner, in one statement: every request
 * with a bearer token reads it, so it is one round trip, not two (issue 16).
 */
export async function getApiTokenWithOwner(db: Db, tokenHash: string) {
  const row = await db
    .selectFrom('apiTokens as t')
    .innerJoin('users as u', 'u.id', 't.userId')
    .select([
      'u.id',
      'u.username',
      'u.displayName',
      'u.role',
      'u.district',
      'u.unitId',
      'u.holderId',
      'u.active',
      'u.passwordChangeRequired',
      't.id as tokenId',
      't.scopes as tokenScopes',
      't.revokedAt as tokenRevokedAt',
      't.expiresAt as tokenExpiresAt',
    ])
    .where('t.tokenHash', '=', tokenHash)
    .executeTakeFirst();
  if (!row) return undefined;
  const { tokenId, tokenScopes, tokenRevokedAt, tokenExpiresAt, ...user } = row;
  return {
    token: { id: tokenId, scopes: tokenScopes, revokedAt: tokenRevokedAt, expiresAt: tokenExpiresAt },
    user: readUserRow(user),
  };
}
