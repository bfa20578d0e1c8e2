import { randomUUID } from 'node:crypto';
import type { Kysely, Transaction } from 'kysely';
import { JifenError } from '../shared/errors.js';
import { readBool, specificsOf } from './dialectSpecifics.js';
import { toInstant } from './instant.js';
import type { Database, District, Role } from './schema.js';

type Db = Kysely<Database> | Transaction<Database>;

/** Users and their room: a unit (HR), a district (officers), a holder (self), or the city. */

export interface User {
  id: string;
  username: string;
  displayName: string;
  role: Role;
  district: District | null;
  unitId: string | null;
  holderId: string | null;
  active: boolean;
  /** The password was set by someone else (HR, the administrator, a reset): its owner must change it first. */
  passwordChangeRequired: boolean;
}

export interface NewUserInput {
  id?: string;
  username: string;
  displayName: string;
  role: Role;
  district?: District | null;
  unitId?: string | null;
  holderId?: string | null;
  passwordHash?: string | null;
  /** True when someone other than the account's owner chose the password (default false: seeds, tests). */
  passwordChangeRequired?: boolean;
  now: string;
}

const PUBLIC_COLUMNS = [
  'id',
  'username',
  'displayName',
  'role',
  'district',
  'unitId',
  'holderId',
  'active',
  'passwordChangeRequired',
] as const;

const readUser = <R extends { active: unknown; passwordChangeRequired: unknown }>(row: R) => ({
  ...row,
  active: readBool(row.active),
  passwordChangeRequired: readBool(row.passwordChangeRequired),
});

/** A users row as read by another repository (the token's owner). */
export const readUserRow = (
  row: Omit<User, 'active' | 'passwordChangeRequired'> & {
    active: unknown;
    passwordChangeRequired: unknown;
  },
): User => readUser(row);

export async function insertUser(db: Db, input: NewUserInput): Promise<User> {
  const now = toInstant(input.now);
  const row = await db
    .insertInto('users')
    .values({
      id: input.id ?? randomUUID(),
      username: input.username,
      displayName: input.displayName,
      role: input.role,
      district: input.district ?? null,
      unitId: input.unitId ?? null,
      holderId: input.holderId ?? null,
      passwordHash: input.passwordHash ?? null,
      active: specificsOf(db).bool(true),
      passwordChangeRequired: specificsOf(db).bool(input.passwordChangeRequired ?? false),
      lockedUntil: null,
      lastLoginAt: null,
      createdAt: now,
      updatedAt: now,
    })
    .returning(PUBLIC_COLUMNS)
    .executeTakeFirstOrThrow();
  return readUser(row);
}

export async function getUser(db: Db, id: string): Promise<User | undefined> {
  const row = await db.selectFrom('users').select(PUBLIC_COLUMNS).where('id', '=', id).executeTakeFirst();
  return row && readUser(row);
}

/** For the login use case only: the password hash and lockout fields. */
export async function getLoginRecord(db: Db, username: string) {
  const row = await db
    .selectFrom('users')
    .select([...PUBLIC_COLUMNS, 'passwordHash', 'lastLoginAt'])
    .where('username', '=', username)
    .executeTakeFirst();
  return row && readUser(row);
}

/** A successful login: when it happened (the lockout lives in login_guards, migration 0150). */
export async function recordLogin(db: Db, id: string, outcome: { ok: true; now: string }): Promise<void> {
  const now = toInstant(outcome.now);
  const result = await db
    .updateTable('users')
    .where('id', '=', id)
    .set({ lastLoginAt: now, updatedAt: now })
    .executeTakeFirst();
  if (result.numUpdatedRows === 0n) throw new JifenError('not_found', '用户不存在', [], { userId: id });
}

/**
 * A new password hash. `changeRequired`: set by someone else (a reset), so its
 * owner must change it at the next login; false when the owner chose it.
 */
export async function setPasswordHash(
  db: Db,
  id: string,
  p: { passwordHash: string; changeRequired: boolean; now: string },
): Promise<void> {
  const result = await db
    .updateTable('users')
    .where('id', '=', id)
    .set({
      passwordHash: p.passwordHash,
      passwordChangeRequired: specificsOf(db).bool(p.changeRequired),
      updatedAt: toInstant(p.now),
    })
    .executeTakeFirst();
  if (result.numUpdatedRows === 0n) throw new JifenError('not_found', '用户不存在', [], { userId: id });
}

/** Ends every session of the user (a password change or reset, a disabled account); returns how many. */
export async function endSessions(db: Db, userId: string, except?: { idHash: string }): Promise<number> {
  let q = db.deleteFrom('sessions').where('userId', '=', userId);
  if (except) q = q.where('idHash', '!=', except.idHash);
  const r = await q.executeTakeFirst();
  return Number(r.numDeletedRows);
}

/** Revokes every API token of the user that is still valid (a disabled account); returns how many. */
export async function revokeUserTokens(db: Db, userId: string, now: string): Promise<number> {
  const r = await db
    .updateTable('apiTokens')
    .set({ revokedAt: toInstant(now) })
    .where('userId', '=', userId)
    .where('revokedAt', 'is', null)
    .executeTakeFirst();
  return Number(r.numUpdatedRows);
}
