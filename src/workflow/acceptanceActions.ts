/**
 * 细则 第五条（材料受理）: 材料齐全的，予以受理并出具收件凭证；材料不齐全的，
 * 应当当场一次性告知用人单位补齐材料.
 */
import {
  ACCEPTANCE_DEADLINES,
  clearDeadlines,
  messageToUnit,
  smsToHolder,
  type Action,
} from './effectBuilders.js';

export const acceptAction: Action<'accept'> = ({ s, p, ctx, version }) => {
  const cleared = clearDeadlines(s, ACCEPTANCE_DEADLINES);
  return {
    // The acceptance date picks the rules version of the determination (docs/spec/rules.md §1).
    patch: { acceptedOn: ctx.today, deadlines: cleared.deadlines },
    effects: [
      { type: 'create_receipt', caseId: s.caseId, receivedOn: ctx.today, items: [...p.received] },
      ...cleared.effects,
      smsToHolder(s, version, 'application_accepted', { on: ctx.today }),
      messageToUnit(s, version, 'application_accepted', { on: ctx.today }),
    ],
  };
};

export const returnWithNoticeAction: Action<'return_with_notice'> = ({ s, p, ctx, version }) => {
  const cleared = clearDeadlines(s, ACCEPTANCE_DEADLINES);
  const flagged = new Set(p.items.map((i) => i.itemId));
  // The notice lists every missing or defective item: whatever else is on the
  // checklist was present and judged now, and may not be objected to later.
  const passed = new Set([...s.notices.itemsPassed, ...s.checklist.filter((item) => !flagged.has(item))]);
  for (const item of flagged) passed.delete(item);
  const seq = s.notices.count + 1;
  return {
    patch: {
      deadlines: cleared.deadlines,
      notices: { count: seq, lastItems: [...flagged], itemsPassed: [...passed].sort() },
    },
    effects: [
      {
        type: 'create_notice',
        caseId: s.caseId,
        seq,
        issuedOn: ctx.today,
        items: p.items.map((i) => ({ ...i })),
        override: p.override ? { ...p.override } : null,
      },
      ...cleared.effects,
      messageToUnit(s, version, 'one_time_notice', { seq, items: p.items.length }),
      smsToHolder(s, version, 'one_time_notice', { seq, items: p.items.length }),
    ],
  };
};
