import type { Kysely, Transaction } from 'kysely';
import { requireUnitEmployee } from '../cases/rooms.js';
import { JifenError } from '../shared/errors.js';
import {
  appendAuditEvent,
  clearLoginGuard,
  endSessions,
  getHolderLogin,
  getUser,
  runInTransaction,
  setPasswordHash,
  type Database,
} from '../storage/index.js';
import type { Actor } from './Actor.js';
import { hashPassword, newOneTimePassword } from './passwords.js';

export interface PasswordReset {
  userId: string;
  username: string;
  /** Shown once to the person who reset it; only its argon2id hash is kept. */
  oneTimePassword: string;
  sessionsEnded: number;
}

/**
 * Resets a forgotten password (issue 12) with a random one-time password that
 * its owner must change at the next login. Every session of the account ends,
 * its login lock is lifted (the new password is usable at once), and the reset
 * is an audit event. API tokens are not touched: they do not depend on the
 * password (disable the account to revoke them). `find` picks the account in
 * the transaction and refuses what the actor may not reset.
 */
async function issueOneTimePassword(
  db: Kysely<Database>,
  actor: { id: string; role: string },
  now: string,
  find: (tx: Transaction<Database>) => Promise<{ id: string; username: string; role: string }>,
): Promise<PasswordReset> {
  const oneTimePassword = newOneTimePassword();
  const passwordHash = await hashPassword(oneTimePassword);
  return runInTransaction(db, async (tx) => {
    const target = await find(tx);
    await setPasswordHash(tx, target.id, { passwordHash, changeRequired: true, now });
    await clearLoginGuard(tx, target.username);
    const sessionsEnded = await endSessions(tx, target.id);
    await appendAuditEvent(tx, {
      at: now,
      actorId: actor.id,
      actorRole: actor.role,
      command: 'reset_password',
      payload: { userId: target.id, role: target.role, sessionsEnded },
    });
    return { userId: target.id, username: target.username, oneTimePassword, sessionsEnded };
  });
}

/**
 * 重置密码 by the administrator, for officers' and units' HR accounts
 * (docs/spec/workflow.md: the administrator keeps "users, roles"). Holders are reset by
 * their employer's HR, who knows them (resetHolderPassword); an administrator's
 * own password is changed, not reset.
 */
export async function resetUserPassword(
  db: Kysely<Database>,
  req: { actor: { id: string; role: string }; userId: string; now: string },
): Promise<PasswordReset> {
  return issueOneTimePassword(db, req.actor, req.now, async (tx) => {
    const target = await getUser(tx, req.userId);
    if (!target) throw new JifenError('not_found', '用户不存在', [], { userId: req.userId });
    if (target.id === req.actor.id)
      throw new JifenError('conflict', '不能重置自己的密码，请使用“修改密码”', [], { reason: 'self' });
    if (target.role === 'holder')
      throw new JifenError('forbidden', '持证人的密码由其所在单位的经办人重置', [], { reason: 'room' });
    return target;
  });
}

/**
 * 重置持证人密码 by the unit's HR, for a holder who is the unit's current
 * employee by the one employee predicate (src/cases/rooms.ts: the unit paid the
 * holder's most recent insured month) — the same rule that lets the unit file
 * and open the holder's login (createHolderLogin). Another unit's holder gets
 * the same 404 as an unknown one.
 */
export async function resetHolderPassword(
  db: Kysely<Database>,
  req: { actor: Actor; unitId: string; holderId: string; now: string; today: string },
): Promise<PasswordReset> {
  if (req.actor.role !== 'employer_hr' || req.actor.unitId !== req.unitId)
    throw new JifenError('forbidden', '只能重置本单位员工的密码', [], { reason: 'room' });
  await requireUnitEmployee(db, req.holderId, req.unitId, req.today, ['holderId']);
  return issueOneTimePassword(db, req.actor, req.now, async (tx) => {
    const target = await getHolderLogin(tx, req.holderId);
    if (!target)
      throw new JifenError('not_found', '该持证人尚未开立网上账号', [], { holderId: req.holderId });
    return target;
  });
}
