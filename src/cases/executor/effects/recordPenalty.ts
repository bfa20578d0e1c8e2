import { addYears } from '../../../shared/dates.js';
import { insertPenalty } from '../../../storage/supervisionRepository.js';
import { setUnitBarredUntil } from '../../../storage/unitRepository.js';
import type { EffectHandler } from '../effectEnv.js';

/** 细则 第十四条: the false-material record, the credit record, a unit's fine, and the 3-year bar when serious. */
export const recordPenalty: EffectHandler<'record_penalty'> = async (e, env) => {
  const { tx, now } = env;
  const subject =
    e.party === 'unit'
      ? ({ kind: 'unit', unitId: e.subjectId } as const)
      : ({ kind: 'individual', holderId: e.subjectId } as const);
  const base = {
    subject,
    caseId: e.caseId,
    serious: e.serious,
    reason: e.reason,
    effectiveFrom: e.decidedOn,
    decidedBy: e.decidedBy,
    now,
  };
  if (e.party === 'individual') {
    // docs/spec/rules.md §5: −150 for 3 years.
    await insertPenalty(tx, { ...base, kind: 'false_material', effectiveUntil: addYears(e.decidedOn, 3) });
  } else {
    await insertPenalty(tx, { ...base, kind: 'fine', amountFen: (e.fineCny ?? 0) * 100 });
  }
  await insertPenalty(tx, { ...base, kind: 'credit_record' });
  if (e.serious && e.barredUntil !== null) {
    await insertPenalty(tx, { ...base, kind: 'bar', effectiveUntil: e.barredUntil });
    if (e.party === 'unit') await setUnitBarredUntil(tx, e.subjectId, e.barredUntil, now);
  }
};
