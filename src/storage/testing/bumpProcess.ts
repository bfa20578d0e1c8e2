/**
 * A second "server" for multiServer.test.ts: a separate process that runs
 * `count` read-then-write transactions on one case. (Two SQLite handles in
 * one process would block each other's event loop on busy_timeout; real
 * servers are separate processes, so the test uses processes too.)
 *
 *   node --import tsx bumpProcess.ts <sqlite|postgres> <file-or-url> <caseId> <count>
 */
import { openDatabase } from '../openDatabase.js';
import { runInTransaction } from '../runInTransaction.js';

const [dialect, location, caseId, count] = process.argv.slice(2);
const handle =
  dialect === 'sqlite'
    ? openDatabase({ dialect: 'sqlite', file: location!, busyTimeoutMs: 20_000 })
    : openDatabase({ dialect: 'postgres', url: location!, poolMax: 2 });
try {
  for (let i = 0; i < Number(count); i++) {
    await runInTransaction(
      handle.db,
      async (tx) => {
        const row = await tx
          .selectFrom('cases')
          .select('pausedDays')
          .where('id', '=', caseId!)
          .executeTakeFirstOrThrow();
        await new Promise((r) => setTimeout(r, 2));
        await tx
          .updateTable('cases')
          .set({ pausedDays: row.pausedDays + 1 })
          .where('id', '=', caseId!)
          .execute();
      },
      { isolation: 'serializable', maxAttempts: 100 },
    );
  }
} finally {
  await handle.close();
}
