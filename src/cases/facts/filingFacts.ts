/** Shared by submit and resubmit: pre-check, checklist and the materials rows at the counter. */
import { JifenError } from '../../shared/errors.js';
import { syncMaterialChecklist } from '../../storage/materialRepository.js';
import { STANDARD_SCORE_WARNING } from '../messages.js';
import { filingFacts, type FilingFacts } from './facts.js';
import type { PrepareInput } from '../executor/executeCaseCommand.js';

export async function prepareFiling(p: PrepareInput, state: Record<string, unknown>) {
  const row = p.row!;
  const facts = await filingFacts(
    p.tx,
    { id: row.id, holderId: row.holderId, unitId: row.unitId, permitId: row.permitId },
    p.ctx.today,
    p.rules,
    p.calendar,
    p.catalogue,
  );
  state.facts = facts;
  const warnings =
    facts.precheck.simulatedTotal < 120 ? [STANDARD_SCORE_WARNING(facts.precheck.simulatedTotal)] : [];
  return {
    facts,
    warnings,
    after: async (tx: PrepareInput['tx']) =>
      syncMaterialChecklist(
        tx,
        row.id,
        facts.checklist.map((i) => ({
          code: i.id,
          label: i.name,
          indicator: i.neededFor.join(','),
          required: true,
        })),
        p.ctx.now,
      ),
  };
}

/** Pre-check failed: say every reason, one issue each (docs/spec/rules.md §6). */
export function precheckRefusal(guard: string, state: Record<string, unknown>): JifenError | undefined {
  const facts = state.facts as FilingFacts | undefined;
  if (guard !== 'precheckPassed' || !facts) return undefined;
  return new JifenError(
    'invalid_transition',
    `预检查未通过，不能提交：${facts.precheck.reasons.join('；')}`,
    facts.precheck.reasons.map((r, i) => ({ path: `$.precheck.reasons[${i}]`, message: r })),
    { guard, reasons: facts.precheck.reasons },
  );
}
