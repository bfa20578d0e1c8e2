import type { Kysely } from 'kysely';
import { listPolicyRevisions, policyRevisionSignature } from '../storage/policyRevisionRepository.js';
import type { PolicyRevision } from './mergeRevisions.js';
import type { Database } from '../storage/schema.js';
import { checkPolicy, composePolicy } from './composePolicy.js';
import type { PolicyData } from './PolicyData.js';

export const SYNC_INTERVAL_MS = 15_000;

/**
 * The one reference to the current policy snapshot that a server holds. A
 * request reads `current` once and keeps that snapshot to its end; an
 * administrator's load calls `refresh()`, which composes a new snapshot and
 * swaps the reference. Other instances call `maybeRefresh()` on requests: a
 * cheap signature query of policy_revisions at most every `intervalMs` of real
 * time, a new snapshot only when it changed (src/storage/policyRevisionRepository.ts).
 */
export class PolicyStore {
  #current: PolicyData;
  #applied: string | undefined;
  #checkedAt = 0;
  #running: Promise<void> | undefined;
  #revisions: readonly PolicyRevision[] = [];

  constructor(
    initial: PolicyData,
    private readonly db?: Kysely<Database>,
    private readonly intervalMs = SYNC_INTERVAL_MS,
  ) {
    this.#current = initial;
  }

  /** The files plus the stored revisions (the files alone without a database). */
  static async open(db?: Kysely<Database>, intervalMs = SYNC_INTERVAL_MS): Promise<PolicyStore> {
    const store = new PolicyStore(checkPolicy(composePolicy()), db, intervalMs);
    if (db) await store.refresh();
    return store;
  }

  get current(): PolicyData {
    return this.#current;
  }

  /** The stored revisions the current snapshot was composed from (worker threads compose the same). */
  get revisions(): readonly PolicyRevision[] {
    return this.#revisions;
  }

  /** Composes the snapshot of the files and the stored revisions now, and swaps it in. */
  async refresh(): Promise<PolicyData> {
    if (!this.db) return this.#current;
    const sig = await policyRevisionSignature(this.db);
    const revisions = await listPolicyRevisions(this.db);
    this.#current = checkPolicy(composePolicy({ revisions, reuse: this.#current }));
    this.#revisions = revisions;
    this.#applied = sig;
    this.#checkedAt = Date.now();
    return this.#current;
  }

  async maybeRefresh(): Promise<void> {
    if (!this.db || Date.now() - this.#checkedAt < this.intervalMs) return;
    this.#checkedAt = Date.now();
    this.#running ??= (async () => {
      try {
        if ((await policyRevisionSignature(this.db!)) !== this.#applied) await this.refresh();
      } finally {
        this.#running = undefined;
      }
    })();
    await this.#running;
  }
}

/** The snapshot of the files plus, given a database, its stored revisions (the CLI's and the tests'). */
export async function loadPolicy(db?: Kysely<Database>): Promise<PolicyData> {
  return composePolicy(db ? { revisions: await listPolicyRevisions(db) } : {});
}
