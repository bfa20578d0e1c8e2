/** 补齐材料后重新提交 (细则 第五条): the waiting clock restarts; the checklist is rebuilt. */
import { resubmitInput } from '../../contract/caseCommands.js';
import { caseUseCase } from './caseCommand.js';
import { writeClaims } from '../facts/claimInput.js';
import { precheckRefusal, prepareFiling } from '../facts/filingFacts.js';
import { requireUnitEmployee } from '../rooms.js';

export const resubmit = caseUseCase({
  command: 'resubmit',
  what: '重新提交积分申请',
  input: resubmitInput,
  prepare: async (input, p, state) => {
    // The unit resubmits only while the holder is still its employee (rooms.ts).
    await requireUnitEmployee(p.tx, p.snapshot.holderId, p.snapshot.unitId, p.ctx.today, ['caseId']);
    if (input.claims) await writeClaims(p.tx, p.snapshot.caseId, input.claims, input.declared, p.ctx.now);
    const filing = await prepareFiling(p, state);
    return {
      payload: { precheck: filing.facts.precheck, checklist: filing.facts.checklist.map((i) => i.id) },
      after: filing.after,
      warnings: filing.warnings,
    };
  },
  onGuardFailure: precheckRefusal,
});
