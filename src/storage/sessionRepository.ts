import type { Kysely, Transaction } from 'kysely';
import type { SessionsTable } from './accountsSchema.js';
import type { Database } from './schema.js';

type Db = Kysely<Database> | Transaction<Database>;

/**
 * Server-side sessions (issue 12), keyed by the hash of the cookie's secret: the secret itself is
 * never stored. Ending every session of a user is `endSessions` (userRepository.ts).
 */
export async function insertSession(db: Db, s: SessionsTable): Promise<void> {
  await db.insertInto('sessions').values(s).execute();
}

export async function getSession(db: Db, idHash: string): Promise<SessionsTable | undefined> {
  return db.selectFrom('sessions').selectAll().where('idHash', '=', idHash).executeTakeFirst();
}

export async function deleteSession(db: Db, idHash: string): Promise<void> {
  await db.deleteFrom('sessions').where('idHash', '=', idHash).execute();
}
