import type { Kysely } from 'kysely';
import { z } from 'zod';
import { JifenError } from '../shared/errors.js';
import {
  addMilliseconds,
  appendAuditEvent,
  claimLoginGuess,
  clearLoginGuard,
  endSessions,
  getLoginRecord,
  runInTransaction,
  setPasswordHash,
  type Database,
} from '../storage/index.js';
import type { Actor } from './Actor.js';
import { DEFAULT_LOGIN_POLICY, openSession, type LoginPolicy } from './login.js';
import { PASSWORD_MAX_LENGTH, requireAcceptablePassword } from './passwordPolicy.js';
import { hashPassword, verifyPassword } from './passwords.js';
import { newSecret } from './secrets.js';

export const passwordChangeBody = z.strictObject({
  currentPassword: z.string().min(1, { message: '请输入当前密码' }).max(PASSWORD_MAX_LENGTH),
  newPassword: z.string().min(1, { message: '请输入新密码' }).max(PASSWORD_MAX_LENGTH),
});

/**
 * 修改密码 (issue 12): the signed-in user proves the current password and
 * chooses a new one under the password rules. A wrong current password is a
 * guess like a wrong login: it is claimed in the same atomic lockout
 * (loginGuardRepository), so a stolen session cannot brute-force it. On
 * success every session of the user ends — other devices at once — and the
 * current one is replaced by a fresh session (new id and CSRF token), so a
 * session id seen before the change is worth nothing after it. API tokens are
 * not touched (they are the administrator's, for systems, not the password's).
 */
export async function changePassword(
  db: Kysely<Database>,
  req: { actor: Actor; input: z.output<typeof passwordChangeBody>; now: string },
  policy: LoginPolicy = DEFAULT_LOGIN_POLICY,
): Promise<{ sessionSecret: string; csrfToken: string; expiresAt: string; otherSessionsEnded: number }> {
  const { actor, input, now } = req;
  // The rules first: a new password that breaks them costs no guess.
  requireAcceptablePassword(input.newPassword, actor.username, '$.newPassword');
  if (input.newPassword === input.currentPassword)
    throw new JifenError('validation_failed', '密码不符合要求', [
      { path: '$.newPassword', message: '新密码不能与当前密码相同' },
    ]);
  const claim = await claimLoginGuess(db, actor.username, {
    now,
    maxFailures: policy.maxFailures,
    lockUntil: addMilliseconds(now, policy.lockMinutes * 60_000),
  });
  if (!claim.allowed)
    throw new JifenError('rate_limited', '密码错误次数过多，账号已暂时锁定，请稍后再试', [], {
      retryAfter: claim.lockedUntil,
    });
  const record = await getLoginRecord(db, actor.username);
  if (
    !record ||
    record.id !== actor.id ||
    !(await verifyPassword(record.passwordHash, input.currentPassword))
  )
    throw new JifenError('validation_failed', '当前密码不正确', [
      { path: '$.currentPassword', message: '当前密码不正确' },
    ]);
  const passwordHash = await hashPassword(input.newPassword);
  const sessionSecret = newSecret();
  const csrfToken = newSecret();
  const expiresAt = addMilliseconds(now, policy.sessionHours * 3_600_000);
  const ended = await runInTransaction(db, async (tx) => {
    await clearLoginGuard(tx, actor.username);
    await setPasswordHash(tx, actor.id, { passwordHash, changeRequired: false, now });
    const n = await endSessions(tx, actor.id);
    await openSession(tx, { sessionSecret, csrfToken, userId: actor.id, now, expiresAt });
    await appendAuditEvent(tx, {
      at: now,
      actorId: actor.id,
      actorRole: actor.role,
      command: 'change_password',
      payload: { userId: actor.id, wasRequired: record.passwordChangeRequired },
    });
    return n;
  });
  // The session this request came with is among those ended; it is replaced, not counted.
  return { sessionSecret, csrfToken, expiresAt, otherSessionsEnded: Math.max(0, ended - 1) };
}
