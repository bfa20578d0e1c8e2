/**
 * Users and roles for the administrator: the list (paginated, filterable) and
 * disabling / re-enabling an account. Disabling ends the account's sessions and
 * revokes its API tokens at once, for good: re-enabling brings neither back (a
 * new token must be issued, issue 12). Every change is an audit event in the
 * same transaction.
 */
import type { Kysely } from 'kysely';
import { JifenError } from '../shared/errors.js';
import { DISTRICTS, ROLES } from '../shared/vocabulary.js';
import { z } from '../shared/zodLocale.js';
import { appendAuditEvent } from '../storage/auditLog.js';
import { runInTransaction } from '../storage/runInTransaction.js';
import type { Database } from '../storage/schema.js';
import {
  endSessions,
  findUsers,
  getUser,
  revokeUserTokens,
  updateUserActive,
} from '../storage/userRepository.js';
import type { AdminActor } from './policyData.js';

export const userListQuery = z.strictObject({
  role: z.enum(ROLES).optional(),
  district: z.enum(DISTRICTS).optional(),
  active: z.enum(['true', 'false']).optional(),
  /** Part of the username or the display name. */
  q: z.string().trim().min(1).max(64).optional(),
  limit: z.coerce.number().int().min(1).max(200).optional(),
  offset: z.coerce.number().int().min(0).max(1_000_000).optional(),
});
export type UserListQuery = z.output<typeof userListQuery>;

export async function listUsers(db: Kysely<Database>, q: UserListQuery) {
  const limit = q.limit ?? 20;
  const offset = q.offset ?? 0;
  const page = await findUsers(db, {
    ...(q.role ? { role: q.role } : {}),
    ...(q.district ? { district: q.district } : {}),
    ...(q.active ? { active: q.active === 'true' } : {}),
    ...(q.q ? { q: q.q } : {}),
    limit,
    offset,
  });
  return { total: page.total, limit, offset, items: page.items };
}

export const userActiveBody = z.strictObject({
  active: z.boolean({ error: '应为 true（启用）或 false（停用）' }),
  reason: z.string().trim().min(2, { message: '请说明原因（至少 2 个字）' }).max(200),
});

export async function setUserActive(
  db: Kysely<Database>,
  actor: AdminActor,
  userId: string,
  body: z.output<typeof userActiveBody>,
  now: string,
) {
  if (userId === actor.id && !body.active)
    throw new JifenError('conflict', '不能停用自己的账号', [
      { path: '$.active', message: '不能停用当前登录的账号' },
    ]);
  return runInTransaction(db, async (tx) => {
    const user = await getUser(tx, userId);
    if (!user) throw new JifenError('not_found', '用户不存在', [], { userId });
    await updateUserActive(tx, userId, body.active, now);
    let sessionsEnded = 0;
    let tokensRevoked = 0;
    if (!body.active) {
      sessionsEnded = await endSessions(tx, userId);
      tokensRevoked = await revokeUserTokens(tx, userId, now);
    }
    await appendAuditEvent(tx, {
      at: now,
      actorId: actor.id,
      actorRole: actor.role,
      ...(body.active
        ? { command: 'enable_user', payload: { userId, role: user.role } }
        : { command: 'disable_user', payload: { userId, role: user.role, tokensRevoked } }),
    });
    return { id: user.id, username: user.username, active: body.active, sessionsEnded, tokensRevoked };
  });
}
