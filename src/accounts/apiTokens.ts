import { randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import { z } from 'zod';
import {
  getApiTokenWithOwner,
  getUser,
  insertApiToken,
  revokeApiTokenRow,
  type Database,
} from '../storage/index.js';
import { JifenError } from '../shared/errors.js';
import type { Actor } from './Actor.js';
import { hashSecret, newSecret } from './secrets.js';

/**
 * Scopes an integration token may hold. A token acts as its owner (role and
 * room) but only for the scopes it was given: an employer's HR system that may
 * file applications cannot read determinations unless asked for. `admin` opens
 * the administrator's routes; only an administrator's token may hold it.
 */
export const SCOPES = ['cases:read', 'cases:write', 'registry:import', 'stats:read', 'admin'] as const;
export type Scope = (typeof SCOPES)[number];
export const scopeSchema = z.enum(SCOPES);

export async function issueApiToken(
  db: Kysely<Database>,
  input: {
    userId: string;
    name: string;
    scopes: Scope[];
    now: string;
    expiresAt?: string | null;
    /**
     * Who issues it: an administrator over HTTP (a token can never mint a token with a scope it
     * does not hold itself), or the operator at the server's console (seeds, tests, benchmarks).
     */
    issuer: Actor | 'operator';
  },
): Promise<{ id: string; token: string }> {
  const owner = await getUser(db, input.userId);
  if (!owner) throw new JifenError('not_found', '用户不存在');
  const { issuer } = input;
  if (issuer !== 'operator') {
    const beyond = input.scopes.filter((s) => issuer.scopes !== 'all' && !issuer.scopes.includes(s));
    if (issuer.role !== 'admin' || beyond.length > 0)
      throw new JifenError('forbidden', '不能签发超出自身权限范围的访问令牌', [], {
        reason: 'scope',
        scopes: beyond,
      });
  }
  if (input.scopes.includes('admin') && owner.role !== 'admin')
    throw new JifenError(
      'forbidden',
      '管理权限范围只能授予管理员的访问令牌',
      [{ path: '$.scopes', message: '管理权限范围只能授予管理员' }],
      { reason: 'scope' },
    );
  const token = `jfn_${newSecret()}`;
  const id = randomUUID();
  await insertApiToken(db, {
    id,
    tokenHash: hashSecret(token),
    name: input.name,
    userId: input.userId,
    scopes: JSON.stringify([...new Set(input.scopes)].sort()),
    now: input.now,
    expiresAt: input.expiresAt ?? null,
  });
  return { id, token };
}

export async function resolveApiToken(db: Kysely<Database>, token: string, now: string) {
  const found = await getApiTokenWithOwner(db, hashSecret(token));
  if (!found) return undefined;
  const { token: row, user } = found;
  if (row.revokedAt || (row.expiresAt && row.expiresAt <= now)) return undefined;
  if (!user.active) return undefined;
  return { user, scopes: JSON.parse(row.scopes) as Scope[], tokenId: row.id };
}

export async function revokeApiToken(db: Kysely<Database>, id: string, now: string): Promise<void> {
  await revokeApiTokenRow(db, id, now);
}
