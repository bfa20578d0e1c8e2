/**
 * 创建积分账户并填报 (申办流程 第5步; 细则 第三条): the unit's HR creates the holder's
 * points account — not before the 3rd working day after the permit was issued —
 * and the draft application with the claimed indicators. Registry data are
 * pulled in at submission and determination, never retyped.
 */
import type { z } from '../../shared/zodLocale.js';
import { createDraftInput } from '../../contract/caseCommands.js';
import { JifenError } from '../../shared/errors.js';
import { initialSnapshot, OPEN_STATES, type Actor } from '../../workflow/index.js';
import { writeClaims } from '../facts/claimInput.js';
import { keyedCaseId } from './keyedCaseId.js';
import { executeCaseCommand } from '../executor/executeCaseCommand.js';
import { loadUnit, unitStatusOf } from '../facts/facts.js';
import { findHolderCaseIn, getCaseRoom } from '../../storage/caseRepository.js';
import { getCurrentPermit } from '../../storage/permitRepository.js';
import type { CaseState } from '../../storage/schema.js';
import { getUnit } from '../../storage/unitRepository.js';
import type { CaseCommandResult, CaseDeps, Db } from '../types.js';
import { parseInput } from '../validate.js';
import { requireUnitEmployee } from '../rooms.js';
import {
  applicationNoOf,
  ensureApplicationCounter,
  nextApplicationNo,
} from '../../storage/applicationNumbers.js';

export interface CreateRequest<I> {
  actor: Actor;
  idempotencyKey: string;
  now: string;
  today: string;
  input: I;
}

export async function createDraft(
  db: Db,
  req: CreateRequest<z.input<typeof createDraftInput>>,
  deps: CaseDeps,
): Promise<CaseCommandResult & { applicationNo?: string }> {
  const input = parseInput(createDraftInput, req.input, '创建积分账户');
  if (req.actor.role !== 'employer_hr' || !req.actor.unitId)
    throw new JifenError('forbidden', '只有用人单位经办人可以为本单位员工创建积分账户', [], {
      command: 'create_draft',
      role: req.actor.role,
    });
  const unitId = req.actor.unitId;
  const caseId = input.caseId ?? keyedCaseId(req.actor.id, req.idempotencyKey);
  // The application number's counter (district of the unit, year of creation) exists before the
  // case transaction starts: creating a PostgreSQL sequence is not something to race inside it.
  const year = Number(req.today.slice(0, 4));
  // The unit is read once for the whole command (district, status): issue 16 counts round trips.
  const unitRow = await getUnit(db, unitId);
  if (unitRow) await ensureApplicationCounter(db, unitRow.district, year);
  let applicationNo: string | undefined;
  const result = await executeCaseCommand(db, {
    actor: req.actor,
    caseId,
    idempotencyKey: req.idempotencyKey,
    now: req.now,
    today: req.today,
    command: 'create_draft',
    input,
    deps,
    create: async (tx) => {
      // Only for the unit's own employee (an unknown holder answers the same), so no unit can
      // open a case, and so read registry data or mint a login, for another unit's staff.
      await requireUnitEmployee(tx, input.holderId, unitId, req.today);
      const taken = await getCaseRoom(tx, caseId);
      if (taken) throw new JifenError('conflict', '申请编号已被使用', [], { caseId });
      const open = await findHolderCaseIn(
        tx,
        input.holderId,
        OPEN_STATES.filter((s) => s !== 'new') as CaseState[],
      );
      // A case stays with the unit that filed it until it is withdrawn or ends.
      if (open)
        throw new JifenError(
          'conflict',
          `该持证人已有进行中的积分申请或有效积分（申请 ${open.id}），须待其撤回或办结后方可由其他单位申请`,
          [],
          { caseId: open.id },
        );
      // The current permit is the active one issued last (getCurrentPermit); a case is filed on it only.
      const permit = await getCurrentPermit(tx, input.holderId);
      if (permit?.status !== 'active')
        throw new JifenError('invalid_transition', '持证人没有有效的上海市居住证', [], {
          holderId: input.holderId,
        });
      const unit = unitRow ?? (await loadUnit(tx, unitId));
      // 申请编号: given once, here, and never changed (issue 15).
      applicationNo = await nextApplicationNo(tx, unit.district, year);
      return {
        permitId: permit.id,
        applicationNo,
        snapshot: initialSnapshot({
          caseId,
          holderId: input.holderId,
          unitId,
          district: unit.district,
          // Points live as long as the permit's current endorsement (细则 第十条/第十一条).
          permit: {
            issuedOn: permit.issuedOn,
            validUntil: permit.endorsedUntil < permit.validUntil ? permit.endorsedUntil : permit.validUntil,
          },
        }),
      };
    },
    prepare: async ({ tx, snapshot, ctx }) => {
      const unit = unitRow ?? (await loadUnit(tx, snapshot.unitId));
      return {
        payload: { unitStatus: unitStatusOf(unit, ctx.today) },
        after: async (t, next) => {
          await writeClaims(t, next.caseId, input.claims, input.declared, req.now, { fresh: true });
        },
      };
    },
  });
  // A replayed request ran no transaction here: its number is the stored one.
  applicationNo ??= result.replayed ? await applicationNoOf(db, result.caseId) : undefined;
  return applicationNo ? { ...result, applicationNo } : result;
}

/** The points account is the draft case: the same use case under the name units know it by. */
export const createHolderAccount = createDraft;
