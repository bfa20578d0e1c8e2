import { sql } from 'kysely';
import { expect, it } from 'vitest';
import { getCase } from './caseRepository.js';
import { runInTransaction } from './runInTransaction.js';
import { describeOnBothEngines } from './testing/bothEngines.js';
import { seedCase, T0 } from './testing/fixtures.js';

describeOnBothEngines('runInTransaction', (getDb, engine) => {
  it('joins an enclosing transaction instead of nesting', async () => {
    const c = await seedCase(getDb());
    await expect(
      runInTransaction(getDb(), async (tx) => {
        await runInTransaction(tx, (inner) =>
          inner.updateTable('cases').set({ urgencyNote: 'x' }).where('id', '=', c.id).execute(),
        );
        throw new Error('outer fails');
      }),
    ).rejects.toThrow('outer fails');
    expect((await getCase(getDb(), c.id))?.urgencyNote).toBeNull();
  });

  it('retries read-decide-write units of work that lose a serialization race, and both take effect', async () => {
    const c = await seedCase(getDb());
    let runs = 0;
    // Read paused_days, wait so that both transactions have read, then write +1.
    const increment = () =>
      runInTransaction(
        getDb(),
        async (tx) => {
          runs++;
          const row = await tx
            .selectFrom('cases')
            .select('pausedDays')
            .where('id', '=', c.id)
            .executeTakeFirstOrThrow();
          await sql`select 1`.execute(tx);
          await new Promise((r) => setTimeout(r, 30));
          await tx
            .updateTable('cases')
            .set({ pausedDays: row.pausedDays + 1, updatedAt: T0 })
            .where('id', '=', c.id)
            .execute();
        },
        { isolation: 'serializable', maxAttempts: 10 },
      );
    await Promise.all([increment(), increment()]);
    expect((await getCase(getDb(), c.id))?.pausedDays).toBe(2);
    // SQLite serialises whole transactions (BEGIN IMMEDIATE); PostgreSQL aborts one and it is run again.
    if (engine === 'postgres') expect(runs).toBeGreaterThan(2);
    else expect(runs).toBe(2);
  });
});
