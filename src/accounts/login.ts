import type { Kysely } from 'kysely';
import {
  addMilliseconds,
  claimLoginGuess,
  clearLoginGuard,
  deleteSession,
  endSessions,
  getLoginRecord,
  getSession,
  insertSession,
  getUser,
  recordLogin,
  runInTransaction,
  setPasswordHash,
  type Database,
  type User,
} from '../storage/index.js';
import { JifenError } from '../shared/errors.js';
import { hashPassword, needsRehash, verifyPassword } from './passwords.js';
import { hashSecret, newSecret } from './secrets.js';

export interface LoginPolicy {
  /** Consecutive failures before the account is locked. */
  maxFailures: number;
  lockMinutes: number;
  sessionHours: number;
}

export const DEFAULT_LOGIN_POLICY: LoginPolicy = { maxFailures: 5, lockMinutes: 15, sessionHours: 8 };

const BAD_CREDENTIALS = () => new JifenError('unauthenticated', '用户名或密码错误');

/**
 * Checks a username and password and opens a new server-side session. A fresh
 * session id every time (no session fixation). Brute force: each guess is first
 * claimed in the database in one atomic statement (storage/loginGuardRepository),
 * so at most `maxFailures` guesses are ever checked per lock period whatever the
 * concurrency and the number of servers; unknown usernames are counted and
 * locked exactly like known ones, and are checked against a dummy hash, so
 * neither the answer nor its timing tells whether an account exists. A hash
 * made with other parameters than today's (passwords.ts) is replaced by one
 * with the current parameters while the password is at hand.
 */
export async function login(
  db: Kysely<Database>,
  input: { username: string; password: string; now: string },
  policy: LoginPolicy = DEFAULT_LOGIN_POLICY,
): Promise<{ sessionSecret: string; csrfToken: string; expiresAt: string; user: User }> {
  const claim = await claimLoginGuess(db, input.username, {
    now: input.now,
    maxFailures: policy.maxFailures,
    lockUntil: addMilliseconds(input.now, policy.lockMinutes * 60_000),
  });
  if (!claim.allowed)
    throw new JifenError('rate_limited', '登录失败次数过多，账号已暂时锁定，请稍后再试', [], {
      retryAfter: claim.lockedUntil,
    });
  const record = await getLoginRecord(db, input.username);
  const ok = await verifyPassword(record?.passwordHash ?? null, input.password);
  if (!record || !record.active || !ok) throw BAD_CREDENTIALS();
  const sessionSecret = newSecret();
  const csrfToken = newSecret();
  const expiresAt = addMilliseconds(input.now, policy.sessionHours * 3_600_000);
  const rehashed = needsRehash(record.passwordHash!) ? await hashPassword(input.password) : undefined;
  await runInTransaction(db, async (tx) => {
    await clearLoginGuard(tx, input.username);
    await recordLogin(tx, record.id, { ok: true, now: input.now });
    if (rehashed)
      await setPasswordHash(tx, record.id, {
        passwordHash: rehashed,
        changeRequired: record.passwordChangeRequired,
        now: input.now,
      });
    await openSession(tx, { sessionSecret, csrfToken, userId: record.id, now: input.now, expiresAt });
  });
  const user: User = {
    id: record.id,
    username: record.username,
    displayName: record.displayName,
    role: record.role,
    district: record.district,
    unitId: record.unitId,
    holderId: record.holderId,
    active: record.active,
    passwordChangeRequired: record.passwordChangeRequired,
  };
  return { sessionSecret, csrfToken, expiresAt, user };
}

/** Stores a new session (only the hash of its secret). */
export async function openSession(
  db: Kysely<Database>,
  s: { sessionSecret: string; csrfToken: string; userId: string; now: string; expiresAt: string },
): Promise<void> {
  await insertSession(db, {
    idHash: hashSecret(s.sessionSecret),
    userId: s.userId,
    csrfToken: s.csrfToken,
    createdAt: s.now,
    expiresAt: s.expiresAt,
    lastSeenAt: s.now,
  });
}

/** The user behind a session cookie, or undefined if unknown or expired. */
export async function resolveSession(db: Kysely<Database>, secret: string, now: string) {
  const row = await getSession(db, hashSecret(secret));
  if (!row || row.expiresAt <= now) return undefined;
  const user = await getUser(db, row.userId);
  if (!user?.active) return undefined;
  return { user, csrfToken: row.csrfToken, expiresAt: row.expiresAt };
}

export async function logout(db: Kysely<Database>, secret: string): Promise<void> {
  await deleteSession(db, hashSecret(secret));
}

/** 退出所有设备: every session of the user, on every server. */
export async function logoutEverywhere(db: Kysely<Database>, userId: string): Promise<number> {
  return endSessions(db, userId);
}
