import type { Kysely, Transaction } from 'kysely';
import { toInstant } from './instant.js';
import type { Database } from './schema.js';

type Db = Kysely<Database> | Transaction<Database>;

/**
 * Claims one password guess for `username` in a single atomic statement (an
 * upsert whose update only applies while the name is not locked). The claim
 * counts as a failure until `clearLoginGuard` says otherwise; the claim that
 * reaches `maxFailures` sets the lock, so a 6th concurrent guess finds it set
 * and is refused before any password is checked. A lock that has ended starts
 * the count again. Returns the lock's end when the guess is refused.
 */
export async function claimLoginGuess(
  db: Db,
  username: string,
  o: { now: string; maxFailures: number; lockUntil: string },
): Promise<{ allowed: true } | { allowed: false; lockedUntil: string }> {
  const now = toInstant(o.now);
  const lockUntil = toInstant(o.lockUntil);
  const claimed = await db
    .insertInto('loginGuards')
    .values({ username, failures: 1, lockedUntil: o.maxFailures <= 1 ? lockUntil : null, updatedAt: now })
    .onConflict((oc) =>
      oc
        .column('username')
        .doUpdateSet((eb) => {
          const ended = eb.and([
            eb('loginGuards.lockedUntil', 'is not', null),
            eb('loginGuards.lockedUntil', '<=', now),
          ]);
          const count = eb
            .case()
            .when(ended)
            .then(1)
            .else(eb('loginGuards.failures', '+', 1))
            .end();
          return {
            failures: count,
            lockedUntil: eb
              .case()
              .when(count, '>=', o.maxFailures)
              .then(lockUntil)
              .else(eb.val<string | null>(null))
              .end(),
            updatedAt: now,
          };
        })
        .where((eb) =>
          eb.or([eb('loginGuards.lockedUntil', 'is', null), eb('loginGuards.lockedUntil', '<=', now)]),
        ),
    )
    .returning('failures')
    .executeTakeFirst();
  if (claimed) return { allowed: true };
  const row = await db
    .selectFrom('loginGuards')
    .select('lockedUntil')
    .where('username', '=', username)
    .executeTakeFirst();
  return { allowed: false, lockedUntil: row?.lockedUntil ?? lockUntil };
}

/** A right password: the name's count and lock start afresh. */
export async function clearLoginGuard(db: Db, username: string): Promise<void> {
  await db.deleteFrom('loginGuards').where('username', '=', username).execute();
}
