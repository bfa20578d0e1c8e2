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

/** The id of the account with this username, if one exists (usernames are unique). */
export async function findUserIdByUsername(db: Db, username: string): Promise<string | undefined> {
  const row = await db.selectFrom('users').select('id').where('username', '=', username).executeTakeFirst();
  return row?.id;
}

/** The id of an account bound to the holder (at most one: a holder's own login), if any. */
export async function findUserIdOfHolder(db: Db, holderId: string): Promise<string | undefined> {
  const row = await db.selectFrom('users').select('id').where('holderId', '=', holderId).executeTakeFirst();
  return row?.id;
}

/** The holder's own login (role `holder`), if it was opened. */
export async function getHolderLogin(
  db: Db,
  holderId: string,
): Promise<{ id: string; username: string; role: Role } | undefined> {
  return db
    .selectFrom('users')
    .select(['id', 'username', 'role'])
    .where('holderId', '=', holderId)
    .where('role', '=', 'holder')
    .executeTakeFirst();
}

/** Display names of the given users, by id (an unknown id is absent). */
export async function userDisplayNames(db: Db, ids: readonly string[]): Promise<Map<string, string>> {
  if (ids.length === 0) return new Map();
  const rows = await db
    .selectFrom('users')
    .select(['id', 'displayName'])
    .where('id', 'in', [...new Set(ids)])
    .execute();
  return new Map(rows.map((u) => [u.id, u.displayName]));
}

/** Filters of the administrator's user list; `q` is part of the username or the display name. */
export interface UserFilter {
  role?: Role;
  district?: District;
  active?: boolean;
  q?: string;
  limit: number;
  offset: number;
}

/** `%` and `_` typed by the admin are dropped rather than taken as wildcards (no ESCAPE clause across engines). */
const likePattern = (s: string): string => `%${s.replace(/[\\%_]/g, '')}%`;

/** One page of the users matching the filter (by role, then username) and how many match. */
export async function findUsers(db: Db, f: UserFilter) {
  let base = db.selectFrom('users');
  if (f.role) base = base.where('role', '=', f.role);
  if (f.district) base = base.where('district', '=', f.district);
  if (f.active !== undefined) base = base.where('active', '=', specificsOf(db).bool(f.active));
  if (f.q) {
    const p = likePattern(f.q);
    base = base.where((eb) =>
      eb.or([eb('username', 'like', eb.val(p)), eb('displayName', 'like', eb.val(p))]),
    );
  }
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
    .limit(f.limit)
    .offset(f.offset)
    .execute();
  return { total: Number(total.n), items: rows.map((r) => ({ ...r, active: readBool(r.active) })) };
}

/**
 * The accounts a person can log in with, for the start banner: every officer, HR and administrator
 * account and the named holder accounts, with the unit's name, by username.
 */
export async function listLoginAccounts(db: Db, holderUsernames: readonly string[]) {
  return db
    .selectFrom('users')
    .leftJoin('units', 'units.id', 'users.unitId')
    .select(['users.username', 'users.role', 'users.district', 'units.name as unitName'])
    .where((eb) =>
      eb.or([eb('users.role', '!=', 'holder'), ...holderUsernames.map((u) => eb('users.username', '=', u))]),
    )
    .orderBy('users.username')
    .execute();
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

/** 启用 / 停用 an account (its sessions and tokens are ended by the caller when it is disabled). */
export async function updateUserActive(db: Db, id: string, active: boolean, now: string): Promise<void> {
  await db
    .updateTable('users')
    .set({ active: specificsOf(db).bool(active), updatedAt: toInstant(now) })
    .where('id', '=', id)
    .execute();
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
