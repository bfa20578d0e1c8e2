import type { Kysely } from 'kysely';
import { registerUnit } from '../cases/commands/units.js';
import { registerUnitInput } from '../contract/caseCommands.js';
import { parseInput } from '../cases/validate.js';
import { JifenError } from '../shared/errors.js';
import { z } from '../shared/zodLocale.js';
import { findUserIdByUsername, insertUser, runInTransaction, type Database } from '../storage/index.js';
import { newPasswordSchema, requireAcceptablePassword } from './passwordPolicy.js';
import { hashPassword } from './passwords.js';

export const usernameSchema = z
  .string()
  .regex(/^[A-Za-z0-9_.-]{3,64}$/, { message: '用户名为 3–64 位字母、数字或 _.-' });

export const unitRegistrationInput = z.strictObject({
  unit: registerUnitInput,
  hr: z.strictObject({
    username: usernameSchema,
    displayName: z.string().min(1).max(64),
    password: newPasswordSchema,
  }),
});

/**
 * 申请积分用人单位注册登记 (申办流程 第4步): the unit registers online and its HR
 * officer's account is created with it, in one transaction — "HR accounts by
 * unit registration" (docs/spec/workflow.md). The unit starts `registered`; a clerk of
 * its district verifies it before it may file.
 */
export async function registerUnitAccount(
  db: Kysely<Database>,
  req: { input: unknown; idempotencyKey: string; now: string; today: string },
): Promise<{ unitId: string; status: string; username: string; replayed: boolean }> {
  const input = parseInput(unitRegistrationInput, req.input, '单位注册');
  // The HR officer chose it: the rules apply, no change is forced.
  requireAcceptablePassword(input.hr.password, input.hr.username, '$.input.hr.password');
  const passwordHash = await hashPassword(input.hr.password);
  return runInTransaction(db, async (tx) => {
    const taken = await findUserIdByUsername(tx, input.hr.username);
    // The registrant is not a user yet: its idempotency and audit identity is the requested username.
    const actor = { id: `registration:${input.hr.username}`, role: 'employer_hr' as const };
    const r = await registerUnit(tx, {
      actor,
      idempotencyKey: req.idempotencyKey,
      now: req.now,
      today: req.today,
      input: input.unit,
    });
    if (!r.replayed) {
      if (taken)
        throw new JifenError('conflict', '用户名已被使用', [{ path: '$.hr.username', message: '已被使用' }]);
      await insertUser(tx, {
        username: input.hr.username,
        displayName: input.hr.displayName,
        role: 'employer_hr',
        unitId: r.unitId,
        passwordHash,
        now: req.now,
      });
    }
    return { unitId: r.unitId, status: r.status, username: input.hr.username, replayed: r.replayed };
  });
}
