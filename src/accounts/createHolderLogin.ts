import type { Kysely } from 'kysely';
import { requireUnitEmployee } from '../cases/rooms.js';
import { parseInput } from '../cases/validate.js';
import { JifenError } from '../shared/errors.js';
import { z } from '../shared/zodLocale.js';
import {
  appendAuditEvent,
  findUserIdByUsername,
  findUserIdOfHolder,
  getCase,
  insertUser,
  runInTransaction,
  type Database,
} from '../storage/index.js';
import type { Actor } from './Actor.js';
import { hashPassword, newOneTimePassword } from './passwords.js';
import { usernameSchema } from './registerUnitAccount.js';

export const holderLoginInput = z.strictObject({ username: usernameSchema });

/**
 * 为申请人网上注册 (申办流程 第5步): when the unit creates the holder's points account
 * it obtains the holder's login "供申请人后续申请积分和网上查询使用". Only HR of the
 * unit that filed the holder's case may do it; the initial password is shown once,
 * only its argon2id hash is kept, and the holder must change it at the first
 * login (chosen by someone else, issue 12).
 */
export async function createHolderLogin(
  db: Kysely<Database>,
  req: { actor: Actor; caseId: string; input: unknown; now: string; today: string },
): Promise<{ userId: string; username: string; initialPassword: string }> {
  const input = parseInput(holderLoginInput, req.input, '持证人账号');
  const c = await getCase(db, req.caseId);
  if (!c) throw new JifenError('not_found', '申请不存在', [], { caseId: req.caseId });
  if (req.actor.role !== 'employer_hr' || req.actor.unitId !== c.unitId)
    throw new JifenError('forbidden', '只能为本单位的申请人开立账号', [], { reason: 'room' });
  // A case filed by the unit is not enough: the holder must still be its employee.
  await requireUnitEmployee(db, c.holderId, c.unitId, req.today, ['caseId']);
  const initialPassword = newOneTimePassword();
  const passwordHash = await hashPassword(initialPassword);
  return runInTransaction(db, async (tx) => {
    if (await findUserIdOfHolder(tx, c.holderId)) throw new JifenError('conflict', '该持证人已有账号');
    if (await findUserIdByUsername(tx, input.username))
      throw new JifenError('conflict', '用户名已被使用', [{ path: '$.username', message: '已被使用' }]);
    const user = await insertUser(tx, {
      username: input.username,
      displayName: '持证人',
      role: 'holder',
      holderId: c.holderId,
      passwordHash,
      passwordChangeRequired: true,
      now: req.now,
    });
    await appendAuditEvent(tx, {
      at: req.now,
      actorId: req.actor.id,
      actorRole: req.actor.role,
      command: 'create_holder_login',
      caseId: c.id,
      payload: { account: 'holder' },
    });
    return { userId: user.id, username: user.username, initialPassword };
  });
}
