/**
 * Administrator-loaded policy data (issue 6): a new 社平工资 figure, a new year
 * of the working-day calendar, an updated materials catalogue.
 *
 * Design decision. Policy data are dated files in rules/, reviewed like law and
 * shipped with the code. What an administrator loads at run time must survive a
 * restart and be seen by every server instance, so it is stored in the database
 * (`policy_revisions`, append-only: who, when, with what citation, and a content
 * hash) and merged OVER the files when a policy snapshot is composed
 * (src/policy/mergeRevisions.ts, src/policy/composePolicy.ts). The instance that
 * applies a revision swaps its snapshot at once; every other instance checks the
 * one-row signature below at most every 15 s on its next request and swaps when it
 * changed (src/policy/PolicyStore.ts). The CLI composes the same snapshot when it
 * is given the database (src/cli/cliPolicy.ts).
 */
import { createHash, randomUUID } from 'node:crypto';
import type { Kysely, Transaction } from 'kysely';
import { canonicalJson } from './canonicalJson.js';
import { toInstant } from './instant.js';
import type { PolicyRevisionKind, PolicyRevisionsTable } from './policyRevisionsSchema.js';
import type { Database } from './schema.js';

type Db = Kysely<Database> | Transaction<Database>;

/** A stored revision, its payload parsed (src/policy/mergeRevisions.ts merges it over rules/). */
export type PolicyRevision = Omit<PolicyRevisionsTable, 'payload'> & { payload: unknown };

const fromRow = (r: PolicyRevisionsTable): PolicyRevision => ({
  ...r,
  payload: JSON.parse(r.payload) as unknown,
});

/** Every revision, oldest first (the order they are merged in). */
export async function listPolicyRevisions(db: Db): Promise<PolicyRevision[]> {
  const rows = await db.selectFrom('policyRevisions').selectAll().orderBy('loadedAt').orderBy('id').execute();
  return rows.map(fromRow);
}

/** Appends one revision (never updates or deletes). */
export async function insertPolicyRevision(
  db: Db,
  r: {
    kind: PolicyRevisionKind;
    subject: string;
    payload: unknown;
    citation: string;
    loadedBy: string;
    now: string;
  },
): Promise<PolicyRevision> {
  const payload = canonicalJson(r.payload);
  const row: PolicyRevisionsTable = {
    id: randomUUID(),
    kind: r.kind,
    subject: r.subject,
    payload,
    citation: r.citation,
    contentHash: createHash('sha256').update(payload).digest('hex').slice(0, 12),
    loadedBy: r.loadedBy,
    loadedAt: toInstant(r.now),
  };
  await db.insertInto('policyRevisions').values(row).execute();
  return fromRow(row);
}

/** A one-row signature of the table: changes whenever a revision is appended. */
export async function policyRevisionSignature(db: Db): Promise<string> {
  const r = await db
    .selectFrom('policyRevisions')
    .select((eb) => [eb.fn.countAll<number>().as('n'), eb.fn.max('loadedAt').as('last')])
    .executeTakeFirstOrThrow();
  return `${Number(r.n)}|${r.last ?? ''}`;
}
