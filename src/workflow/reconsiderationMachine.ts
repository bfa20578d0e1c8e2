/**
 * Reconsideration (复核, 细则 第十二条) as a REGION of the case, not a separate machine.
 *
 * Why: a reconsideration is always about the determination in force of one
 * case, is filed at that case's acceptance district, and a changed result
 * becomes the case's next determination. Keeping it on the case snapshot means
 * one version number guards both (a district decision and a concurrent
 * decrease on the same determination cannot both apply: one officer is told
 * the case changed), one audit stream tells the whole
 * story, and the table test enumerates its pairs like every other. It is still
 * declared separately, as a small machine of its own, because its states are
 * orthogonal to the main ones: the case stays `determined` (the points stay in
 * force) while a dispute is pending.
 *
 *   none ─request→ district_pending ─decide(district_approver)→ district_decided
 *        ─request→ city_pending ─decide(city_supervisor)→ city_decided (final here;
 *        further remedies are 行政复议/诉讼, outside this system)
 *
 * A new determination by adjustment, decrease or correction starts a fresh
 * region (`none`): the new determination may be disputed in its turn.
 */
import type { AnyTransitionDef } from './TransitionDef.js';
import { defineTransition } from './TransitionDef.js';
import {
  decideReconsiderationAction,
  requestReconsiderationAction,
  reviewReconsiderationFactAction,
} from './reconsiderationActions.js';
import type { ReconsiderationState } from './types.js';

export const RECONSIDERATION_MACHINE: readonly AnyTransitionDef<ReconsiderationState>[] = [
  defineTransition<'request_reconsideration', ReconsiderationState>({
    command: 'request_reconsideration',
    from: ['none'],
    target: 'district_pending',
    allow: [
      { role: 'holder', room: 'own_case' },
      { role: 'employer_hr', room: 'own_unit' },
    ],
    guards: ['determinationInForce', 'groundsGiven'],
    effects: ['create_reconsideration', 'set_deadline', 'outbox'],
    cites: '细则 第十二条: 向原受理机构提交复核申请; workflow.md Decision: 20个工作日内决定',
    action: requestReconsiderationAction,
  }),
  defineTransition<'request_reconsideration', ReconsiderationState>({
    command: 'request_reconsideration',
    from: ['district_decided'],
    target: 'city_pending',
    allow: [
      { role: 'holder', room: 'own_case' },
      { role: 'employer_hr', room: 'own_unit' },
    ],
    guards: ['determinationInForce', 'groundsGiven'],
    effects: ['create_reconsideration', 'set_deadline', 'outbox'],
    cites: '细则 第十二条: 对区复核结果存在异议的，可向市人才服务中心提交复核申请',
    action: requestReconsiderationAction,
  }),
  // Issue 15: a fact added or corrected in the request (e.g. a 中级职称 forgotten at filing) is
  // verified against the evidence by a reviewer — accepted or rejected, with a note — while the
  // request stays pending; the decision waits until none is open.
  defineTransition<'review_reconsideration_fact', ReconsiderationState>({
    command: 'review_reconsideration_fact',
    from: ['district_pending'],
    target: 'district_pending',
    allow: [{ role: 'district_reviewer', room: 'own_district' }],
    guards: ['reconsiderationFactOpen'],
    effects: ['review_reconsideration_fact'],
    cites: '细则 第六条 审核; workflow.md: 事实来自登记信息或经核实的证据，不得重新录入',
    action: reviewReconsiderationFactAction,
  }),
  defineTransition<'review_reconsideration_fact', ReconsiderationState>({
    command: 'review_reconsideration_fact',
    from: ['city_pending'],
    target: 'city_pending',
    allow: [{ role: 'city_supervisor', room: 'city' }],
    guards: ['reconsiderationFactOpen'],
    effects: ['review_reconsideration_fact'],
    cites: '细则 第十二条: 由市人力资源社会保障局进行复核; workflow.md: 事实来自经核实的证据',
    action: reviewReconsiderationFactAction,
  }),
  defineTransition<'decide_reconsideration', ReconsiderationState>({
    command: 'decide_reconsideration',
    from: ['district_pending'],
    target: 'district_decided',
    allow: [{ role: 'district_approver', room: 'own_district' }],
    guards: [
      'reconsiderationFactsReviewed',
      'decisionReasoned',
      'changeHasEngineResult',
      'wageFiguresFinal',
      'notVetoed',
    ],
    effects: ['create_reconsideration_decision', 'set_deadline', 'outbox'],
    mayEmit: ['create_determination'],
    cites: '细则 第十二条: 由区人力资源社会保障局进行复核并告知申请人复核结果',
    action: decideReconsiderationAction,
  }),
  defineTransition<'decide_reconsideration', ReconsiderationState>({
    command: 'decide_reconsideration',
    from: ['city_pending'],
    target: 'city_decided',
    allow: [{ role: 'city_supervisor', room: 'city' }],
    guards: [
      'reconsiderationFactsReviewed',
      'decisionReasoned',
      'changeHasEngineResult',
      'wageFiguresFinal',
      'notVetoed',
    ],
    effects: ['create_reconsideration_decision', 'set_deadline', 'outbox'],
    mayEmit: ['create_determination'],
    cites: '细则 第十二条: 由市人力资源社会保障局进行复核并告知申请人复核结果',
    action: decideReconsiderationAction,
  }),
];
