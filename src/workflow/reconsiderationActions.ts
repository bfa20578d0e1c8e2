/**
 * 细则 第十二条: 向原受理机构提交复核申请，由区人力资源社会保障局进行复核…；对区复核结果
 * 存在异议的，可向市人才服务中心提交复核申请，由市人力资源社会保障局进行复核.
 */
import { reconsiderationDue } from './deadlines.js';
import { newDetermination } from './determinationActions.js';
import { clearDeadlines, messageToUnit, setDeadline, smsToHolder, type Action } from './effectBuilders.js';
import type { Effect } from './types.js';

export const requestReconsiderationAction: Action<'request_reconsideration'> = ({ s, p, ctx, version }) => {
  // From `none` the request goes to the district; after the district's decision, to the city.
  const level = s.reconsideration.state === 'none' ? 'district' : 'city';
  const due = reconsiderationDue(ctx.calendar, ctx.today);
  const aboutSeq = s.determination?.seq ?? 0;
  return {
    patch: {
      reconsideration: {
        state: level === 'district' ? 'district_pending' : 'city_pending',
        requestedOn: ctx.today,
        aboutSeq,
        factsOpen: p.facts?.length ?? 0,
      },
      deadlines: { ...s.deadlines, reconsideration: due },
    },
    effects: [
      {
        type: 'create_reconsideration',
        caseId: s.caseId,
        level,
        aboutSeq,
        requestedOn: ctx.today,
        due,
        grounds: p.grounds,
        ...(p.disputed?.length ? { disputed: p.disputed } : {}),
        ...(p.facts?.length ? { facts: p.facts } : {}),
      },
      setDeadline('reconsideration', due),
      smsToHolder(s, version, 'reconsideration_received', { level, due }),
    ],
  };
};

/** One fact fewer to review; the finding is kept with the fact (the claim changes only with a changed decision). */
export const reviewReconsiderationFactAction: Action<'review_reconsideration_fact'> = ({ s, p, ctx }) => ({
  patch: {
    reconsideration: { ...s.reconsideration, factsOpen: Math.max(0, (s.reconsideration.factsOpen ?? 0) - 1) },
  },
  effects: [
    {
      type: 'review_reconsideration_fact',
      caseId: s.caseId,
      factId: p.factId,
      result: p.result,
      note: p.note,
      reviewedOn: ctx.today,
    },
  ],
});

/** Each decision is a document with reasons; a changed result is a new determination. */
export const decideReconsiderationAction: Action<'decide_reconsideration'> = ({ s, p, ctx, version }) => {
  const level = s.reconsideration.state === 'city_pending' ? 'city' : 'district';
  const cleared = clearDeadlines(s, ['reconsideration']);
  const effects: Effect[] = [
    {
      type: 'create_reconsideration_decision',
      caseId: s.caseId,
      level,
      outcome: p.outcome,
      reasons: p.reasons,
      decidedOn: ctx.today,
    },
    ...cleared.effects,
  ];
  let patch = {};
  if (p.outcome === 'changed' && p.engine !== undefined) {
    const d = newDetermination(
      s,
      p.engine,
      level === 'city' ? 'reconsideration_city' : 'reconsideration_district',
      ctx,
    );
    patch = d.patch;
    effects.push(d.effect);
  }
  effects.push(
    smsToHolder(s, version, 'reconsideration_decided', { level, outcome: p.outcome }),
    messageToUnit(s, version, 'reconsideration_decided', { level, outcome: p.outcome }),
  );
  return {
    patch: {
      ...patch,
      deadlines: cleared.deadlines,
      reconsideration: {
        state: level === 'city' ? 'city_decided' : 'district_decided',
        requestedOn: s.reconsideration.requestedOn,
        aboutSeq: s.reconsideration.aboutSeq,
      },
    },
    effects,
  };
};
