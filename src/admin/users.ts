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
import { readBool, specificsOf } from '../storage/dialectSpecifics.js';
import { toInstant } from '../storage/instant.js';
import { runInTransaction } from '../storage/runInTransaction.js';
import type { Database } from '../storage/schema.js';
import { endSessions, revokeUserTokens } from '../storage/userRepository.js';
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

/** `%` and `_` typed by the admin are dropped rather than taken as wildcards (no ESCAPE clause across engines). */
const likePattern = (s: string): string => `%${s.replace(/[\\%_]/g, '')}%`;

export async function listUsers(db: Kysely<Database>, q: UserListQuery) {
  let base = db.selectFrom('users');
  if (q.role) base = base.where('role', '=', q.role);
  if (q.district) base = base.where('district', '=', q.district);
  if (q.active) base = base.where('active', '=', specificsOf(db).bool(q.active === 'true'));
  if (q.q) {
    const p = likePattern(q.q);
    base = base.where((eb) =>
      eb.or([eb('username', 'like', eb.val(p)), eb('displayName', 'like', eb.val(p))]),
    );
  }
  const limit = q.limit ?? 20;
  const offset = q.offset ?? 0;
  const total = await base.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
  const rows = await base
    .select([
      'id',
      'username',
      'displayName',
      'role',
      'district',
      'unitId',
      'active',
      'lastLoginAt',
      'createdAt',
    ])
    .orderBy('role')
    .orderBy('username')
    .limit(limit)
    .offset(offset)
    .execute();
  return {
    total: Number(total.n),
    limit,
    offset,
    items: rows.map((r) => ({ ...r, active: readBool(r.active) })),
  };
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
    const user = await tx
      .selectFrom('users')
      .select(['id', 'username', 'role', 'active'])
      .where('id', '=', userId)
      .executeTakeFirst();
    if (!user) throw new JifenError('not_found', '用户不存在', [], { userId });
    await tx
      .updateTable('users')
      .set({ active: specificsOf(tx).bool(body.active), updatedAt: toInstant(now) })
      .where('id', '=', userId)
      .execute();
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
