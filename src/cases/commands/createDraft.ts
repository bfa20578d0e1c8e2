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
import type { District } from '../../storage/schema.js';
import type { CaseCommandResult, CaseDeps, Db } from '../types.js';
import { parseInput } from '../validate.js';
import { requireUnitEmployee } from '../rooms.js';
import { ensureApplicationCounter, nextApplicationNo } from '../../storage/applicationNumbers.js';

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
  const unitRow = await db.selectFrom('units').select('district').where('id', '=', unitId).executeTakeFirst();
  if (unitRow) await ensureApplicationCounter(db, unitRow.district, year);
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
      const taken = await tx.selectFrom('cases').select('id').where('id', '=', caseId).executeTakeFirst();
      if (taken) throw new JifenError('conflict', '申请编号已被使用', [], { caseId });
      const open = await tx
        .selectFrom('cases')
        .select('id')
        .where('holderId', '=', input.holderId)
        .where('state', 'in', OPEN_STATES.filter((s) => s !== 'new') as never[])
        .executeTakeFirst();
      // A case stays with the unit that filed it until it is withdrawn or ends.
      if (open)
        throw new JifenError(
          'conflict',
          `该持证人已有进行中的积分申请或有效积分（申请 ${open.id}），须待其撤回或办结后方可由其他单位申请`,
          [],
          { caseId: open.id },
        );
      const permit = await tx
        .selectFrom('permits')
        .selectAll()
        .where('holderId', '=', input.holderId)
        .where('status', '=', 'active')
        .orderBy('issuedOn', 'desc')
        .limit(1)
        .executeTakeFirst();
      if (!permit)
        throw new JifenError('invalid_transition', '持证人没有有效的上海市居住证', [], {
          holderId: input.holderId,
        });
      const unit = await loadUnit(tx, unitId);
      return {
        permitId: permit.id,
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
      const unit = await loadUnit(tx, snapshot.unitId);
      return {
        payload: { unitStatus: unitStatusOf(unit, ctx.today) },
        after: async (t, next) => {
          // 申请编号: given once, here, and never changed (issue 15).
          const applicationNo = await nextApplicationNo(t, snapshot.district as District, year);
          await t.updateTable('cases').set({ applicationNo }).where('id', '=', next.caseId).execute();
          await writeClaims(t, next.caseId, input.claims, input.declared, req.now);
        },
      };
    },
  });
  const numbered = await db
    .selectFrom('cases')
    .select('applicationNo')
    .where('id', '=', result.caseId)
    .executeTakeFirst();
  return numbered?.applicationNo ? { ...result, applicationNo: numbered.applicationNo } : result;
}

/** The points account is the draft case: the same use case under the name units know it by. */
export const createHolderAccount = createDraft;
