/**
 * Employer registration (docs/spec/workflow.md): `registered` online → `verified` by a clerk
 * of the unit's district, or `rejected` with reasons. Not case commands, but the
 * same discipline: one transaction, idempotency key, audit event last.
 */
import { randomUUID } from 'node:crypto';
import type { z } from '../../shared/zodLocale.js';
import { registerUnitInput, verifyUnitInput } from '../../contract/caseCommands.js';
import { JifenError } from '../../shared/errors.js';
import { appendAuditEvent } from '../../storage/auditLog.js';
import { requestHash, withIdempotency } from '../../storage/idempotencyRepository.js';
import { toInstant } from '../../storage/instant.js';
import { runInTransaction } from '../../storage/runInTransaction.js';
import type { UnitRow } from '../../storage/schema.js';
import {
  getUnit,
  getUnitByCreditCode,
  insertUnit,
  setUnitRegistration,
} from '../../storage/unitRepository.js';
import type { Actor } from '../../workflow/index.js';
import type { Db } from '../types.js';
import { checkRequest, parseInput } from '../validate.js';

export interface UnitRequest<I> {
  actor: Actor;
  idempotencyKey: string;
  now: string;
  today: string;
  input: I;
}

export interface UnitResult {
  unitId: string;
  status: UnitRow['registrationStatus'];
  replayed: boolean;
}

/** 单位网上注册. Anyone representing the unit may register; verification is the district's. */
export async function registerUnit(
  db: Db,
  req: UnitRequest<z.input<typeof registerUnitInput>>,
): Promise<UnitResult> {
  checkRequest(req);
  const input = parseInput(registerUnitInput, req.input, '单位注册');
  if (req.actor.role === 'admin' || req.actor.role === 'holder')
    throw new JifenError('forbidden', '只有用人单位经办人可以注册单位', [], { role: req.actor.role });
  const now = toInstant(req.now);
  const out = await runInTransaction(db, (tx) =>
    withIdempotency(
      tx,
      {
        actorId: req.actor.id,
        key: req.idempotencyKey,
        command: 'register_unit',
        requestHash: requestHash(input),
        now,
      },
      async () => {
        // One registration per 统一社会信用代码: a second one (a squatter, or the unit twice) is a conflict.
        if (await getUnitByCreditCode(tx, input.creditCode))
          throw new JifenError('conflict', '该统一社会信用代码的单位已注册', [
            { path: '$.input.creditCode', message: '已注册' },
          ]);
        const unit = await insertUnit(tx, { ...input, id: randomUUID(), now });
        await appendAuditEvent(tx, {
          at: now,
          actorId: req.actor.id,
          actorRole: req.actor.role,
          command: 'register_unit',
          payload: { unitId: unit.id, district: unit.district, kind: unit.kind },
        });
        return { unitId: unit.id, status: unit.registrationStatus, replayed: false } as UnitResult;
      },
    ),
  );
  return outcomeOf(out);
}

/** 受理点核验单位 (docs/spec/workflow.md Employer registration): a clerk of the unit's own district only. */
export async function verifyUnit(
  db: Db,
  req: UnitRequest<z.input<typeof verifyUnitInput>>,
): Promise<UnitResult> {
  checkRequest(req);
  const input = parseInput(verifyUnitInput, req.input, '核验单位');
  const now = toInstant(req.now);
  const out = await runInTransaction(db, (tx) =>
    withIdempotency(
      tx,
      {
        actorId: req.actor.id,
        key: req.idempotencyKey,
        command: 'verify_unit',
        requestHash: requestHash(input),
        now,
      },
      async () => {
        const unit = await getUnit(tx, input.unitId);
        if (req.actor.role !== 'acceptance_clerk' || !unit || unit.district !== req.actor.district)
          throw new JifenError('forbidden', '只有单位注册地所在区的受理点可以核验该单位', [], {
            role: req.actor.role,
          });
        if (unit.registrationStatus !== 'registered')
          throw new JifenError(
            'invalid_transition',
            `单位当前状态为「${unit.registrationStatus}」，不能再次核验`,
            [],
            { unitId: unit.id },
          );
        const updated = await setUnitRegistration(
          tx,
          unit.id,
          input.decision === 'verified'
            ? { status: 'verified', by: req.actor.id, now }
            : { status: 'rejected', by: req.actor.id, reason: input.reason, now },
        );
        await appendAuditEvent(tx, {
          at: now,
          actorId: req.actor.id,
          actorRole: req.actor.role,
          command: 'verify_unit',
          payload: { unitId: unit.id, decision: input.decision },
        });
        return { unitId: unit.id, status: updated.registrationStatus, replayed: false } as UnitResult;
      },
    ),
  );
  return outcomeOf(out);
}

const outcomeOf = (out: { replayed: boolean; response: UnitResult }): UnitResult =>
  out.replayed ? { ...out.response, replayed: true } : out.response;
