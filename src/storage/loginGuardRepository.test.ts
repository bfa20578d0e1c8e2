import { expect, it } from 'vitest';
import { addMilliseconds } from './instant.js';
import { claimLoginGuess, clearLoginGuard } from './loginGuardRepository.js';
import { describeOnBothEngines } from './testing/bothEngines.js';
import { T0 } from './testing/fixtures.js';

const policy = (now: string) => ({ now, maxFailures: 5, lockUntil: addMilliseconds(now, 15 * 60_000) });

describeOnBothEngines('login guards (atomic lockout)', (getDb) => {
  it('allows at most 5 of 30 concurrent guesses, then refuses until the lock ends', async () => {
    const db = getDb();
    const name = `guard-${Math.random().toString(36).slice(2)}`;
    const claims = await Promise.all(Array.from({ length: 30 }, () => claimLoginGuess(db, name, policy(T0))));
    expect(claims.filter((c) => c.allowed)).toHaveLength(5);
    const refused = claims.find((c) => !c.allowed);
    expect(refused).toEqual({ allowed: false, lockedUntil: addMilliseconds(T0, 15 * 60_000) });
    // Still locked a minute before the end; a fresh count once it has ended.
    expect((await claimLoginGuess(db, name, policy(addMilliseconds(T0, 14 * 60_000)))).allowed).toBe(false);
    const after = addMilliseconds(T0, 15 * 60_000 + 1);
    const again = await Promise.all(
      Array.from({ length: 8 }, () => claimLoginGuess(db, name, policy(after))),
    );
    expect(again.filter((c) => c.allowed)).toHaveLength(5);
  });

  it('starts afresh after a success', async () => {
    const db = getDb();
    const name = `guard-${Math.random().toString(36).slice(2)}`;
    for (let i = 0; i < 4; i++) expect((await claimLoginGuess(db, name, policy(T0))).allowed).toBe(true);
    await clearLoginGuard(db, name);
    for (let i = 0; i < 5; i++) expect((await claimLoginGuess(db, name, policy(T0))).allowed).toBe(true);
    expect((await claimLoginGuess(db, name, policy(T0))).allowed).toBe(false);
  });
});
