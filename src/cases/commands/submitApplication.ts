/** 网上提交 (细则 第三条): pre-check first (docs/spec/rules.md §6); a total under 120 warns but does not block. */
import { submitApplicationInput } from '../../contract/caseCommands.js';
import { caseUseCase } from './caseCommand.js';
import { writeClaims } from '../facts/claimInput.js';
import { unitStatusOf } from '../facts/facts.js';
import { precheckRefusal, prepareFiling } from '../facts/filingFacts.js';

export const submitApplication = caseUseCase({
  command: 'submit',
  what: '提交积分申请',
  input: submitApplicationInput,
  prepare: async (input, p, state) => {
    if (input.claims) await writeClaims(p.tx, p.snapshot.caseId, input.claims, input.declared, p.ctx.now);
    const filing = await prepareFiling(p, state);
    return {
      payload: {
        unitStatus: unitStatusOf(filing.facts.unit, p.ctx.today),
        precheck: filing.facts.precheck,
        checklist: filing.facts.checklist.map((i) => i.id),
      },
      after: filing.after,
      warnings: filing.warnings,
    };
  },
  onGuardFailure: precheckRefusal,
});
