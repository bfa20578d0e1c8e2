/**
 * The case view and the workspace without per-request work that can be precomputed
 * (issue 16). What they show is stored (src/storage/caseViewCache.ts) under the key
 * it depends on:
 *
 *  - the case version — every command that changes materials, receipts, notices,
 *    review tasks, determinations, reconsiderations, refusals or claims bumps it;
 *  - the policy data revision (`dataRevision`: an administrator's load changes it);
 *  - for the workspace, the Shanghai business day (the pre-check, the checklist and the
 *    registry panel are as of today; the case view's lists do not depend on the day);
 *  - for the workspace, a fingerprint of the holder's and unit's registry facts, so a
 *    registry import (or a unit's verification, a permit's endorsement, a penalty)
 *    recomputes the pre-check and the engine's result.
 *
 * A view whose key holds is one SQL statement plus, for the case view, the two lists
 * that change without a version (reminders, message delivery). Reads use the primary:
 * the version shown feeds an If-Match. Results are the same as computed afresh
 * (queries.ts `getCaseView`, workspaceQueries.ts `caseWorkspace`).
 */
import { JifenError } from '../../shared/errors.js';
import {
  readCaseWithStoredView,
  sameKey,
  storeCaseView,
  type CaseViewKey,
  type CaseViewKind,
} from '../../storage/caseViewCache.js';
import { onOneConnection } from '../../storage/onOneConnection.js';
import type { Actor } from '../../workflow/index.js';
import { readSnapshot } from '../executor/executeCaseCommand.js';
import { assembleCaseView, caseViewLists, caseViewLive, forbiddenCaseRead, mayRead } from './queries.js';
import type { CaseDeps, Db } from '../types.js';
import { workspaceFor, workspaceParts, type WorkspaceParts } from './workspaceQueries.js';

/** How often a stored view was reused or computed (tests; /metrics may read it). */
export const caseViewCacheStats = { reused: 0, computed: 0 };

async function readable(db: Db, actor: Actor, caseId: string, kind: CaseViewKind, facts: boolean) {
  const found = await readCaseWithStoredView(db, caseId, kind, { facts });
  // Not found and not allowed look the same to someone outside the rooms.
  if (!found) throw new JifenError('not_found', '申请不存在', [], { caseId });
  if (!mayRead(actor, found.row)) throw forbiddenCaseRead(actor);
  return found;
}

async function storedOr<T>(
  db: Db,
  found: Awaited<ReturnType<typeof readable>>,
  kind: CaseViewKind,
  key: CaseViewKey,
  now: string,
  compute: () => Promise<T>,
): Promise<T> {
  if (found.stored && sameKey(found.stored, key)) {
    caseViewCacheStats.reused++;
    return JSON.parse(found.stored.payload) as T;
  }
  caseViewCacheStats.computed++;
  const value = await compute();
  const payload = JSON.stringify(value);
  await storeCaseView(db, found.row.id, kind, key, payload, now);
  // The stored bytes are what later readers get: answer the same now.
  return JSON.parse(payload) as T;
}

/** The full case view (queries.ts `getCaseView`), its command-written lists stored per version. */
export async function cachedCaseView(
  pool: Db,
  req: { actor: Actor; caseId: string; today: string; now: string },
  deps: CaseDeps,
) {
  return onOneConnection(pool, (db) => caseViewOn(db, req, deps));
}

async function caseViewOn(
  db: Db,
  req: { actor: Actor; caseId: string; today: string; now: string },
  deps: CaseDeps,
) {
  const found = await readable(db, req.actor, req.caseId, 'case', false);
  const { row } = found;
  // The lists (materials, receipts, notices, tasks, determinations, reconsiderations, refusals)
  // are rows that only commands write: the version is their whole key, the day is not part of it.
  const key = {
    caseVersion: row.version,
    dataRevision: deps.rules.revision,
    businessDay: '',
    factsKey: '',
  };
  const lists = await storedOr(db, found, 'case', key, req.now, () => caseViewLists(db, row.id));
  const live = await caseViewLive(db, row.id);
  return assembleCaseView(
    row,
    readSnapshot(db, row),
    req.today,
    deps.calendar,
    found.holder,
    found.unit,
    lists,
    live,
  );
}

/** The workspace (workspaceQueries.ts `caseWorkspace`): engine, pre-check and checklist stored per key. */
export async function cachedCaseWorkspace(
  pool: Db,
  req: { actor: Actor; caseId: string; today: string; now: string },
  deps: CaseDeps,
) {
  return onOneConnection(pool, (db) => caseWorkspaceOn(db, req, deps));
}

async function caseWorkspaceOn(
  db: Db,
  req: { actor: Actor; caseId: string; today: string; now: string },
  deps: CaseDeps,
) {
  const found = await readable(db, req.actor, req.caseId, 'workspace', true);
  const { row } = found;
  const key = {
    caseVersion: row.version,
    dataRevision: deps.rules.revision,
    businessDay: req.today,
    factsKey: found.factsKey,
  };
  const parts = await storedOr<WorkspaceParts>(db, found, 'workspace', key, req.now, () =>
    workspaceParts(db, row, req.today, deps),
  );
  return workspaceFor(req.actor, row, parts);
}
