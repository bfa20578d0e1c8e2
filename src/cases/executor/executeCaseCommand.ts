/**
 * The one executor every case command runs through. In ONE transaction:
 * idempotency key → load the case → room and version checks → facts the guards
 * need (computed by the use case's `prepare`) → the pure `transition()` →
 * compare-and-set of the case row with its snapshot → every effect → the audit
 * event, appended last. Anything failing rolls all of it back (no partial writes).
 */
import { JifenError } from '../../shared/errors.js';
import { appendAuditEvent } from '../../storage/auditLog.js';
import { getCaseOrThrow, insertCase, updateCaseIfVersion } from '../../storage/caseRepository.js';
import { classifyDbError, specificsOf } from '../../storage/dialectSpecifics.js';
import { requestHash, withIdempotency } from '../../storage/idempotencyRepository.js';
import { toInstant } from '../../storage/instant.js';
import { runInTransaction } from '../../storage/runInTransaction.js';
import type { CasePatch, CaseRow, Database, District } from '../../storage/schema.js';
import type { Transaction } from 'kysely';
import {
  hasStanding,
  ROLE_LABELS,
  transition,
  type Actor,
  type CaseSnapshot,
  type Command,
  type CommandPayloads,
  type CommandType,
  type Effect,
  type TransitionContext,
  type WorkdayCalendar,
} from '../../workflow/index.js';
import { runEffects, type EffectContext } from './runEffects.js';
import { columnsOf } from './snapshotColumns.js';
import type { CaseCommandResult, CaseDeps, Db } from '../types.js';
import { checkRequest } from '../validate.js';
import type { MaterialsCatalogue } from '../../checklist/loadMaterialsCatalogue.js';
import type { RuleSet } from '../../rules/RuleSet.js';

export interface PrepareInput {
  tx: Transaction<Database>;
  snapshot: CaseSnapshot;
  /** Undefined while creating the case. */
  row: CaseRow | undefined;
  ctx: TransitionContext;
  rules: RuleSet;
  calendar: WorkdayCalendar;
  catalogue: MaterialsCatalogue;
}

export interface Prepared<K extends CommandType> {
  payload: CommandPayloads[K];
  context?: EffectContext;
  /** Writes of the use case that belong with the command (claims, checklist rows), after the case row is saved. */
  after?: (tx: Transaction<Database>, next: CaseSnapshot) => Promise<void>;
  warnings?: string[];
}

export interface NewCaseSpec {
  snapshot: CaseSnapshot;
  permitId: string | null;
  /** 申请编号, given once when the case is created and never changed (issue 15). */
  applicationNo: string | null;
}

export interface ExecuteRequest<K extends CommandType> {
  actor: Actor;
  caseId: string;
  expectedVersion?: number;
  idempotencyKey: string;
  now: string;
  today: string;
  command: K;
  /** The caller's input, hashed with the key: the same key with another request is refused. */
  input: unknown;
  deps: CaseDeps;
  /** Only for `create_draft`: the case does not exist yet. */
  create?: (tx: Transaction<Database>) => Promise<NewCaseSpec>;
  prepare: (p: PrepareInput) => Promise<Prepared<K>>;
  /** Turns a failed guard into a clearer error (e.g. which wage figure is missing). */
  onGuardFailure?: (guard: string) => JifenError | undefined;
}

export function readSnapshot(db: Db | Transaction<Database>, row: CaseRow): CaseSnapshot {
  const snapshot = specificsOf(db).readJson<CaseSnapshot | null>(row.snapshot);
  if (!snapshot) throw new JifenError('not_found', '申请不存在或尚未纳入流程管理', [], { caseId: row.id });
  if (snapshot.version !== row.version)
    throw new Error(`case ${row.id}: snapshot version ${snapshot.version} ≠ row version ${row.version}`);
  return snapshot;
}

const roomRefusal = (actor: Actor, command: CommandType) =>
  new JifenError('forbidden', `${ROLE_LABELS[actor.role]}无权处理此案件`, [], {
    command,
    role: actor.role,
    reason: 'room',
  });

/** Statistics columns fixed when they happen (district dashboard). */
function statisticsPatch(
  command: CommandType,
  before: CaseSnapshot,
  after: CaseSnapshot,
  row: CaseRow | undefined,
  today: string,
  now: string,
  calendar: WorkdayCalendar,
): Partial<CasePatch> {
  if (command === 'submit') return { filedOn: today };
  if (command === 'accept') {
    const from = row?.filedOn ?? before.submittedOn ?? today;
    return { acceptanceWorkdays: Math.max(0, calendar.workdaysBetween(from, today)) };
  }
  const newDetermination = after.determinationCount > before.determinationCount;
  if (command === 'determine' && newDetermination && before.verifiedOn) {
    const due = before.deadlines.determination;
    return {
      determinedAt: now,
      determinationWorkdays: Math.max(
        0,
        calendar.workdaysBetween(before.verifiedOn, today) - before.pause.pausedWorkdays,
      ),
      determinationOnTime: due === undefined || today <= due ? 1 : 0,
    };
  }
  if (newDetermination) return { determinedAt: now };
  return {};
}

export async function executeCaseCommand<K extends CommandType>(
  db: Db,
  req: ExecuteRequest<K>,
): Promise<CaseCommandResult> {
  checkRequest(req);
  const calendar = req.deps.calendar;
  const rules = req.deps.rules;
  const ctx: TransitionContext = { now: req.now, today: req.today, actor: req.actor, calendar };
  const now = toInstant(req.now);
  const hash = requestHash({
    caseId: req.caseId,
    command: req.command,
    expectedVersion: req.expectedVersion ?? null,
    input: req.input ?? null,
  });

  const outcome = await runInTransaction(db, (tx) =>
    withIdempotency(
      tx,
      { actorId: req.actor.id, key: req.idempotencyKey, command: req.command, requestHash: hash, now },
      async () => {
        let row: CaseRow | undefined;
        let snapshot: CaseSnapshot;
        let created: NewCaseSpec | undefined;
        if (req.create) {
          created = await req.create(tx);
          snapshot = created.snapshot;
        } else {
          row = await getCaseOrThrow(tx, req.caseId);
          snapshot = readSnapshot(tx, row);
        }
        // Room first: someone outside the case's rooms learns nothing about it.
        if (req.actor.role === 'admin' || !hasStanding(req.actor, snapshot))
          throw roomRefusal(req.actor, req.command);
        if (req.expectedVersion !== undefined && req.expectedVersion !== snapshot.version) {
          throw new JifenError('conflict', '该申请已被他人更新，请刷新后重试', [], {
            caseId: snapshot.caseId,
            expectedVersion: req.expectedVersion,
            currentVersion: snapshot.version,
          });
        }
        const prepared = await req.prepare({
          tx,
          snapshot,
          row,
          ctx,
          rules,
          calendar,
          catalogue: req.deps.catalogue,
        });
        let result: { next: CaseSnapshot; effects: Effect[] };
        try {
          result = transition(snapshot, { type: req.command, payload: prepared.payload } as Command, ctx);
        } catch (e) {
          if (
            e instanceof JifenError &&
            e.code === 'invalid_transition' &&
            typeof e.detail.guard === 'string'
          ) {
            const better = req.onGuardFailure?.(e.detail.guard);
            if (better) throw better;
          }
          throw e;
        }
        const { next, effects } = result;
        const columns = {
          ...columnsOf(next, row ? snapshot : null, row ?? {}, now),
          ...statisticsPatch(req.command, snapshot, next, row, req.today, now, calendar),
          snapshot: specificsOf(tx).json(next),
        };
        if (!row) {
          try {
            await insertCase(tx, {
              id: next.caseId,
              holderId: next.holderId,
              unitId: next.unitId,
              district: next.district as District,
              state: next.state as CaseRow['state'],
              createdBy: req.actor.id,
              now,
              columns: {
                ...columns,
                permitId: created?.permitId ?? null,
                applicationNo: created?.applicationNo ?? null,
              },
            });
          } catch (e) {
            // cases_one_open_per_holder_ux: a concurrent creation for the same holder won.
            if (classifyDbError(e) === 'unique_violation')
              throw new JifenError('conflict', '该持证人已有进行中的积分申请或有效积分', [], {
                holderId: next.holderId,
              });
            throw e;
          }
        } else {
          const updated = await updateCaseIfVersion(tx, row.id, row.version, { ...columns, updatedAt: now });
          if (updated.version !== next.version) throw new Error(`case ${row.id}: version drift`);
        }
        await prepared.after?.(tx, next);
        const documents = await runEffects(tx, effects, {
          actor: req.actor,
          now,
          today: req.today,
          before: snapshot,
          after: next,
          context: prepared.context ?? {},
          templates: req.deps.templates,
          applicationNo: (row ? row.applicationNo : created?.applicationNo) ?? next.caseId,
        });
        const audit = effects.find((e): e is Extract<Effect, { type: 'audit' }> => e.type === 'audit')!;
        await appendAuditEvent(tx, {
          at: now,
          actorId: req.actor.id,
          actorRole: req.actor.role,
          command: req.command,
          caseId: next.caseId,
          payload: {
            version: audit.version,
            from: audit.from,
            to: audit.to,
            detail: audit.detail,
            ...(documents.receiptNo ? { receiptNo: documents.receiptNo } : {}),
            ...(documents.determination
              ? { determinationId: documents.determination.id, total: documents.determination.total }
              : {}),
          },
        });
        const response: CaseCommandResult = {
          caseId: next.caseId,
          version: next.version,
          state: next.state,
          replayed: false,
          documents,
          warnings: prepared.warnings ?? [],
        };
        return response;
      },
    ),
  );
  return outcome.replayed ? { ...outcome.response, replayed: true } : outcome.response;
}
