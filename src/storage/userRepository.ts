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
] as const;

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
      lockedUntil: null,
      lastLoginAt: null,
      createdAt: now,
      updatedAt: now,
    })
    .returning(PUBLIC_COLUMNS)
    .executeTakeFirstOrThrow();
  return { ...row, active: readBool(row.active) };
}

export async function getUser(db: Db, id: string): Promise<User | undefined> {
  const row = await db.selectFrom('users').select(PUBLIC_COLUMNS).where('id', '=', id).executeTakeFirst();
  return row && { ...row, active: readBool(row.active) };
}

/** For the login use case only: the password hash and lockout fields. */
export async function getLoginRecord(db: Db, username: string) {
  const row = await db
    .selectFrom('users')
    .select([...PUBLIC_COLUMNS, 'passwordHash', 'lastLoginAt'])
    .where('username', '=', username)
    .executeTakeFirst();
  return row && { ...row, active: readBool(row.active) };
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
