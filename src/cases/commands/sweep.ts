/**
 * The deadline sweep (`./bin/jifen sweep --now DATE`). No timers: it reads the
 * dates stored on the cases (`next_sweep_on`, indexed) and runs the machine's
 * system commands — reminders for stale 等待受理 cases (10 working days → the unit
 * is reminded; 30 → stale on the dashboard), determination and reconsideration
 * breaches, the permit-expiry reminder 30 days ahead, expiry when the endorsement
 * lapses, invalidation when the permit was cancelled, confirmation when the
 * registry shows a new endorsement.
 *
 * Safe on several servers at once: every command goes through the executor
 * with a deterministic idempotency key and the case version, and reminders have
 * a unique (case, kind, due) key — a reminder is raised exactly once; the loser
 * of a race counts it as `skipped`.
 */
import { JifenError } from '../../shared/errors.js';
import { writeAuditCheckpoint } from '../../storage/auditCheckpoint.js';
import { listCasesDueForSweep, listCasesWithCancelledPermit } from '../../storage/caseRepository.js';
import { writerConcurrency } from '../../storage/dialectSpecifics.js';
import { getPermitOfCase } from '../../storage/permitRepository.js';
import type { Actor, CaseSnapshot, ReminderKind } from '../../workflow/index.js';
import { confirmAtEndorsement } from './confirmAtEndorsement.js';
import { expireCase, invalidateCase, remindCase } from './lifecycle.js';
import { sweepAgenda } from '../executor/snapshotColumns.js';
import type { CaseDeps, CaseCommandResult, Db } from '../types.js';

export interface SweepOptions {
  now: string;
  today: string;
  /** Cases read per query (default 1000). */
  batchSize?: number;
  /** Cases processed in parallel within a batch (default 8 on PostgreSQL, 1 on SQLite). */
  concurrency?: number;
  /** The sweeping server's name, for the audit log (all servers share the idempotency scope). */
  actorId?: string;
  deps: CaseDeps;
}

export interface SweepReport {
  scanned: number;
  reminders: Partial<Record<ReminderKind, number>>;
  expired: number;
  invalidated: number;
  confirmed: number;
  /** Work another sweep did first (lost race, replayed key). */
  skipped: number;
  failed: { caseId: string; code: string; message: string }[];
  /** The audit checkpoint written after the run (docs/audit.md); null when no chain grew since the last one. */
  checkpoint: { seq: number; leafCount: number; eventCount: number; hash: string } | null;
  ms: number;
}

const SWEEP_ACTOR_ID = 'system:sweep';

export async function sweep(db: Db, opts: SweepOptions): Promise<SweepReport> {
  const started = performance.now();
  const batchSize = opts.batchSize ?? 1000;
  const concurrency = opts.concurrency ?? writerConcurrency(db);
  const actor: Actor = { id: SWEEP_ACTOR_ID, role: 'system' };
  const report: SweepReport = {
    scanned: 0,
    reminders: {},
    expired: 0,
    invalidated: 0,
    confirmed: 0,
    skipped: 0,
    failed: [],
    checkpoint: null,
    ms: 0,
  };
  const base = { actor, now: opts.now, today: opts.today };

  const run = async (
    caseId: string,
    key: string,
    f: () => Promise<CaseCommandResult>,
    count: () => void,
  ): Promise<boolean> => {
    try {
      const r = await f();
      if (r.replayed) report.skipped++;
      else count();
      return !r.replayed;
    } catch (e) {
      if (e instanceof JifenError && (e.code === 'conflict' || e.code === 'invalid_transition')) {
        report.skipped++;
        return false;
      }
      const code = e instanceof JifenError ? e.code : 'error';
      report.failed.push({ caseId, code, message: e instanceof Error ? e.message : String(e) });
      return false;
    }
  };

  const processCase = async (caseId: string, s: CaseSnapshot): Promise<void> => {
    const agenda = sweepAgenda(s).filter((a) => a.on <= opts.today);
    if (agenda.length === 0) return;
    const permit = await getPermitOfCase(db, caseId);
    if (permit?.status === 'cancelled' && permit.cancelledOn !== null && permit.cancelledOn <= opts.today) {
      const key = `sweep:${caseId}:invalidate:${permit.cancelledOn}`;
      await run(
        caseId,
        key,
        () =>
          invalidateCase(
            db,
            { ...base, caseId, idempotencyKey: key, input: { cancelledOn: permit.cancelledOn! } },
            opts.deps,
          ),
        () => report.invalidated++,
      );
      return;
    }
    const lastDay = permit
      ? permit.endorsedUntil < permit.validUntil
        ? permit.endorsedUntil
        : permit.validUntil
      : s.permit.validUntil;
    const touchesPermit = agenda.some(
      (a) => a.what === 'permit_expiry' || a.what === 'permit_expiry_reminder',
    );
    if (touchesPermit && lastDay > s.permit.validUntil) {
      // 签注 recorded by the registry: confirm for the new period instead of reminding or expiring.
      const key = `sweep:${caseId}:confirm:${lastDay}`;
      await run(
        caseId,
        key,
        () =>
          confirmAtEndorsement(
            db,
            { ...base, caseId, idempotencyKey: key, input: { newValidUntil: lastDay } },
            opts.deps,
          ),
        () => report.confirmed++,
      );
      return;
    }
    for (const item of agenda) {
      if (item.what === 'permit_expiry') {
        const key = `sweep:${caseId}:expire:${item.on}`;
        await run(
          caseId,
          key,
          () => expireCase(db, { ...base, caseId, idempotencyKey: key, input: {} }, opts.deps),
          () => report.expired++,
        );
        return;
      }
      const kind = item.what;
      const key = `sweep:${caseId}:${kind}:${item.on}`;
      await run(
        caseId,
        key,
        () => remindCase(db, { ...base, caseId, idempotencyKey: key, input: { kind } }, opts.deps),
        () => {
          report.reminders[kind] = (report.reminders[kind] ?? 0) + 1;
        },
      );
    }
  };

  // Cancelled permits first: a cancelled permit ends the case whatever else is due.
  let afterId = '';
  for (;;) {
    const rows = await listCasesWithCancelledPermit(db, {
      onOrBefore: opts.today,
      afterId,
      limit: batchSize,
    });
    if (rows.length === 0) break;
    afterId = rows[rows.length - 1]!.id;
    await inParallel(rows, concurrency, async (r) => {
      report.scanned++;
      const key = `sweep:${r.id}:invalidate:${r.cancelledOn}`;
      await run(
        r.id,
        key,
        () =>
          invalidateCase(
            db,
            { ...base, caseId: r.id, idempotencyKey: key, input: { cancelledOn: r.cancelledOn! } },
            opts.deps,
          ),
        () => report.invalidated++,
      );
    });
  }

  // Then everything whose stored date has come, keyset-paged on (next_sweep_on, id).
  let cursor: { on: string; id: string } | undefined;
  for (;;) {
    const rows = await listCasesDueForSweep(db, {
      onOrBefore: opts.today,
      ...(cursor ? { after: cursor } : {}),
      limit: batchSize,
    });
    if (rows.length === 0) break;
    const last = rows[rows.length - 1]!;
    cursor = { on: last.nextSweepOn, id: last.id };
    await inParallel(rows, concurrency, async (r) => {
      report.scanned++;
      await processCase(r.id, r.snapshot);
    });
  }
  // Anchors today's audit events (the sweep's own included) in the city's chain of checkpoints.
  const checkpoint = await writeAuditCheckpoint(db, { now: opts.now });
  report.checkpoint = checkpoint && {
    seq: checkpoint.seq,
    leafCount: checkpoint.leafCount,
    eventCount: checkpoint.eventCount,
    hash: checkpoint.hash,
  };
  report.ms = Math.round(performance.now() - started);
  return report;
}

async function inParallel<T>(items: readonly T[], n: number, f: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  const worker = async () => {
    while (next < items.length) await f(items[next++]!);
  };
  await Promise.all(Array.from({ length: Math.max(1, Math.min(n, items.length)) }, worker));
}
