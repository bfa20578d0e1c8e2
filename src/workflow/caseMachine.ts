/**
 * The declared life cycle of one application (docs/spec/workflow.md "One application",
 * 细则 第三条–第十四条) as data: for every allowed (state, command) the target,
 * the roles and rooms allowed, the named guards and the effects. `transition()`
 * interprets it; `describeMachine()` renders it for the HTTP layer and the docs;
 * the table test enumerates it.
 *
 * A (state, command) pair not listed here is an invalid transition. Terminal
 * states (refused, withdrawn, expired, invalidated) list nothing: a refused or
 * lapsed applicant files a new case.
 */
import { acceptAction, returnWithNoticeAction } from './acceptanceActions.js';
import {
  applyDecreaseAction,
  confirmAtEndorsementAction,
  correctAction,
  determineAction,
  requestAdjustmentAction,
} from './determinationActions.js';
import {
  attachUrgencyNoteAction,
  createDraftAction,
  updateClaimsAction,
  resubmitAction,
  submitAction,
  withdrawAction,
} from './filingActions.js';
import { expireAction, invalidateAction, remindAction } from './lifecycleActions.js';
import { RECONSIDERATION_MACHINE } from './reconsiderationMachine.js';
import {
  assignTaskAction,
  recordTaskResultAction,
  referItemAction,
  refuseAction,
  settleReferralAction,
  startReviewAction,
  verifyAction,
} from './reviewActions.js';
import type { Allowance, AnyTransitionDef, RegionDelegation, TargetResolver } from './TransitionDef.js';
import { defineTransition } from './TransitionDef.js';
import type { CaseState, CommandType } from './types.js';

export const TERMINAL_STATES: readonly CaseState[] = ['refused', 'withdrawn', 'expired', 'invalidated'];

/** States of a case that exists and is not closed. */
export const OPEN_STATES: readonly CaseState[] = [
  'draft',
  'submitted',
  'supplement_required',
  'accepted',
  'under_review',
  'verified',
  'determined',
];

/** Before acceptance: the unit still holds the file. */
const BEFORE_ACCEPTANCE: readonly CaseState[] = ['draft', 'submitted', 'supplement_required'];

/** While the case is at the counter or in review: urgency notes are useful there. */
const IN_PROGRESS: readonly CaseState[] = [
  'submitted',
  'supplement_required',
  'accepted',
  'under_review',
  'verified',
];

const HR: Allowance = { role: 'employer_hr', room: 'own_unit' };
const HOLDER: Allowance = { role: 'holder', room: 'own_case' };
const CLERK: Allowance = { role: 'acceptance_clerk', room: 'own_district' };
const REVIEWER: Allowance = { role: 'district_reviewer', room: 'own_district' };
const APPROVER: Allowance = { role: 'district_approver', room: 'own_district' };
const CITY: Allowance = { role: 'city_supervisor', room: 'city' };
const SYSTEM: Allowance = { role: 'system', room: 'system' };

/**
 * A first application withdrawn or refused is closed; an adjustment withdrawn or
 * refused returns to the determination still in force (细则 第十条: the points
 * stay valid as long as the permit).
 */
const closesUnlessPointsInForce = (closed: 'withdrawn' | 'refused'): TargetResolver<CaseState> => ({
  targets: [closed, 'determined'],
  rule: `首次申请→${closed === 'withdrawn' ? '已撤回' : '审核不通过'}；调整申请→回到已核定（原积分继续有效）`,
  resolve: (s) => (s.determination !== null ? 'determined' : closed),
});

export type CaseMachineEntry =
  | AnyTransitionDef<CaseState>
  | RegionDelegation<'request_reconsideration' | 'review_reconsideration_fact' | 'decide_reconsideration'>;

export const CASE_MACHINE: readonly CaseMachineEntry[] = [
  // ── Filing (细则 第三条) ────────────────────────────────────────────────
  defineTransition<'create_draft', CaseState>({
    command: 'create_draft',
    from: ['new'],
    target: 'draft',
    allow: [HR],
    guards: ['permitOldEnough', 'permitValid', 'unitMayFile'],
    effects: ['set_deadline', 'outbox'],
    cites: '申办流程 第5步, rules.md §6: 领取居住证3个工作日后由用人单位创建积分账户',
    action: createDraftAction,
  }),
  defineTransition<'submit', CaseState>({
    command: 'submit',
    from: ['draft'],
    target: 'submitted',
    allow: [HR],
    guards: ['permitValid', 'unitMayFile', 'precheckPassed', 'checklistPresent'],
    effects: ['create_application_form', 'set_deadline', 'outbox'],
    cites: '细则 第三条; rules.md §6 预检查; workflow.md Decision: 低于120分只提示不阻止',
    action: submitAction,
  }),
  defineTransition<'withdraw', CaseState>({
    command: 'withdraw',
    from: BEFORE_ACCEPTANCE,
    target: closesUnlessPointsInForce('withdrawn'),
    allow: [HR, HOLDER],
    guards: [],
    effects: ['outbox'],
    mayEmit: ['set_deadline'],
    cites: 'workflow.md withdraw; Decision: 受理前单位或持证人可撤回，受理后只能由审核作出决定',
    action: withdrawAction,
  }),
  defineTransition<'attach_urgency_note', CaseState>({
    command: 'attach_urgency_note',
    from: IN_PROGRESS,
    target: 'stay',
    allow: [HR],
    guards: ['urgencyNoteValid'],
    effects: ['record_urgency_note'],
    cites: 'workflow.md Urgency Decision: 固定理由与日期，只影响排序，不改变任何法定期限',
    action: attachUrgencyNoteAction,
  }),
  defineTransition<'update_claims', CaseState>({
    command: 'update_claims',
    from: ['draft', 'supplement_required'],
    target: 'stay',
    allow: [HR],
    guards: [],
    effects: [],
    cites: '细则 第三条: 单位填报至提交为止；细则 第五条: 一次性告知后补正申报内容再重新提交',
    action: updateClaimsAction,
  }),
  // ── Acceptance (细则 第五条) ───────────────────────────────────────────
  defineTransition<'accept', CaseState>({
    command: 'accept',
    from: ['submitted'],
    target: 'accepted',
    allow: [CLERK],
    guards: ['permitValid', 'allMaterialsPresent'],
    effects: ['create_receipt', 'set_deadline', 'outbox'],
    cites: '细则 第五条: 材料齐全的，予以受理并出具收件凭证',
    action: acceptAction,
  }),
  defineTransition<'return_with_notice', CaseState>({
    command: 'return_with_notice',
    from: ['submitted'],
    target: 'supplement_required',
    allow: [CLERK],
    guards: ['noticeComplete', 'noticeListsOnlyNewItems'],
    effects: ['create_notice', 'set_deadline', 'outbox'],
    cites: '细则 第五条: 材料不齐全的，应当当场一次性告知用人单位补齐材料',
    action: returnWithNoticeAction,
  }),
  defineTransition<'resubmit', CaseState>({
    command: 'resubmit',
    from: ['supplement_required'],
    target: 'submitted',
    allow: [HR],
    guards: ['permitValid', 'precheckPassed', 'checklistPresent'],
    effects: ['set_deadline', 'outbox'],
    cites: '细则 第五条: 补齐材料',
    action: resubmitAction,
  }),
  // ── Review (细则 第六条) ───────────────────────────────────────────────
  defineTransition<'start_review', CaseState>({
    command: 'start_review',
    from: ['accepted'],
    target: 'under_review',
    allow: [REVIEWER],
    guards: ['hasReviewTasks'],
    effects: ['create_review_tasks'],
    cites: '细则 第六条: 调阅人事档案，并对相关材料进行审核',
    action: startReviewAction,
  }),
  defineTransition<'record_task_result', CaseState>({
    command: 'record_task_result',
    from: ['under_review'],
    target: 'stay',
    allow: [REVIEWER],
    guards: ['taskOpen'],
    effects: ['record_task_result'],
    cites: '细则 第六条 1–7',
    action: recordTaskResultAction,
  }),
  defineTransition<'assign_task', CaseState>({
    command: 'assign_task',
    from: ['under_review'],
    target: 'stay',
    allow: [REVIEWER, APPROVER, CITY],
    guards: ['taskToDo'],
    effects: ['assign_task'],
    cites: 'workflow.md: 区级审核分工；市级监督可指定本区审核人员办理（不改变任何期限）',
    action: assignTaskAction,
  }),
  defineTransition<'refer_item', CaseState>({
    command: 'refer_item',
    from: ['under_review'],
    target: 'stay',
    allow: [REVIEWER],
    guards: ['taskReferable'],
    effects: ['create_referral', 'outbox'],
    cites: '细则 第六条: 对有疑问的材料，可提请主管部门或专门机构进行核实',
    action: referItemAction,
  }),
  defineTransition<'refer_item', CaseState>({
    command: 'refer_item',
    from: ['verified'],
    target: 'stay',
    allow: [REVIEWER, APPROVER],
    guards: ['taskReferable'],
    effects: ['create_referral', 'outbox'],
    mayEmit: ['pause_deadline'],
    cites: '细则 第六条 核实; 第七条 期限在核实期间暂停（workflow.md: clock paused）',
    action: referItemAction,
  }),
  defineTransition<'settle_referral', CaseState>({
    command: 'settle_referral',
    from: ['under_review', 'verified'],
    target: 'stay',
    allow: [REVIEWER, APPROVER],
    guards: ['referralOpen'],
    effects: ['close_referral', 'record_task_result'],
    mayEmit: ['set_deadline'],
    cites: '细则 第六条; 第七条 期限顺延暂停的工作日',
    action: settleReferralAction,
  }),
  defineTransition<'verify', CaseState>({
    command: 'verify',
    from: ['under_review'],
    target: 'verified',
    allow: [REVIEWER],
    guards: ['allTasksSettled', 'noOpenReferral'],
    effects: ['set_deadline', 'outbox'],
    cites: '细则 第七条: 审核属实的，20个工作日内核定',
    action: verifyAction,
  }),
  defineTransition<'refuse', CaseState>({
    command: 'refuse',
    from: ['under_review'],
    target: closesUnlessPointsInForce('refused'),
    allow: [REVIEWER, APPROVER],
    guards: ['refusalReasoned', 'penaltyWellFormed', 'noOpenReferral'],
    effects: ['create_refusal', 'outbox'],
    mayEmit: ['set_deadline', 'record_penalty'],
    cites: 'workflow.md refuse; 细则 第十四条 虚假材料',
    action: refuseAction,
  }),
  defineTransition<'refuse', CaseState>({
    command: 'refuse',
    from: ['verified'],
    target: closesUnlessPointsInForce('refused'),
    allow: [APPROVER],
    guards: ['refusalReasoned', 'penaltyWellFormed', 'noOpenReferral'],
    effects: ['create_refusal', 'set_deadline', 'outbox'],
    mayEmit: ['record_penalty'],
    cites: 'rules.md §5 一票否决 found at determination; 细则 第十四条',
    action: refuseAction,
  }),
  // ── Determination and its life (细则 第七条、第九条、第十二条) ─────────────
  defineTransition<'determine', CaseState>({
    command: 'determine',
    from: ['verified'],
    target: 'determined',
    allow: [APPROVER],
    guards: ['noOpenReferral', 'wageFiguresFinal', 'notVetoed'],
    effects: ['create_determination', 'set_deadline', 'outbox'],
    cites: '细则 第七条: 按积分指标体系进行积分核定，并告知持证人; rules.md §7 暂定工资不得核定',
    action: determineAction,
  }),
  defineTransition<'confirm_at_endorsement', CaseState>({
    command: 'confirm_at_endorsement',
    from: OPEN_STATES,
    target: 'stay',
    allow: [SYSTEM, CLERK],
    guards: ['endorsementExtends'],
    effects: ['set_deadline', 'outbox'],
    mayEmit: ['record_confirmation'],
    cites: '细则 第九条: 在居住证签注时，对持证人积分予以确认; 第十条 有效期一致',
    action: confirmAtEndorsementAction,
  }),
  defineTransition<'request_adjustment', CaseState>({
    command: 'request_adjustment',
    from: ['determined'],
    target: 'draft',
    allow: [HR],
    guards: ['determinationInForce', 'noOpenReconsideration', 'reasonGiven', 'permitValid'],
    effects: [],
    cites: '细则 第九条: 需要调整积分的，应委托用人单位向注册地区人才服务中心提交相关材料',
    action: requestAdjustmentAction,
  }),
  defineTransition<'apply_decrease', CaseState>({
    command: 'apply_decrease',
    from: ['determined'],
    target: 'stay',
    allow: [APPROVER],
    guards: [
      'determinationInForce',
      'noOpenReconsideration',
      'reasonGiven',
      'wageFiguresFinal',
      'pointsDecrease',
    ],
    effects: ['create_determination', 'outbox'],
    cites: '细则 第九条: 积分下降或出现减分项目的，进行扣减，受理机构告知持证人',
    action: applyDecreaseAction,
  }),
  defineTransition<'correct', CaseState>({
    command: 'correct',
    from: ['determined'],
    target: 'stay',
    allow: [CITY],
    guards: [
      'determinationInForce',
      'noOpenReconsideration',
      'reasonGiven',
      'wageFiguresFinal',
      'penaltyWellFormed',
    ],
    effects: ['create_determination', 'outbox'],
    mayEmit: ['record_penalty'],
    cites: '细则 第十二条: 对使用违规材料取得的积分予以纠正，并由原受理机构告知持证人; 第十四条',
    action: correctAction,
  }),
  {
    command: 'request_reconsideration',
    from: ['determined'],
    region: 'reconsideration',
    cites: '细则 第十二条 复核（见 reconsiderationMachine.ts）',
  },
  {
    command: 'review_reconsideration_fact',
    from: ['determined'],
    region: 'reconsideration',
    cites: '细则 第十二条 复核; workflow.md 事实来自登记信息或经核实的证据（见 reconsiderationMachine.ts）',
  },
  {
    command: 'decide_reconsideration',
    from: ['determined'],
    region: 'reconsideration',
    cites: '细则 第十二条 复核（见 reconsiderationMachine.ts）',
  },
  // ── Validity, lapse and the sweep (细则 第十条、第十一条) ───────────────────
  defineTransition<'expire', CaseState>({
    command: 'expire',
    from: OPEN_STATES,
    target: 'expired',
    allow: [SYSTEM],
    guards: ['permitLapsed'],
    effects: ['set_deadline', 'outbox'],
    cites: '细则 第十一条: 居住证签注过期，积分失效',
    action: expireAction,
  }),
  defineTransition<'invalidate', CaseState>({
    command: 'invalidate',
    from: OPEN_STATES,
    target: 'invalidated',
    allow: [SYSTEM],
    guards: ['cancellationReported'],
    effects: ['set_deadline', 'outbox'],
    cites: '细则 第十一条: 居住证被注销时，积分自动失效',
    action: invalidateAction,
  }),
  defineTransition<'remind', CaseState>({
    command: 'remind',
    from: OPEN_STATES,
    target: 'stay',
    allow: [SYSTEM],
    guards: ['reminderDue'],
    effects: ['create_reminder', 'outbox'],
    cites:
      'workflow.md Decisions: 等待受理10个工作日提醒单位、30个工作日标为滞留; 到期前30天提醒; 超期上看板',
    action: remindAction,
  }),
];

export const isRegionDelegation = (
  e: CaseMachineEntry,
): e is RegionDelegation<
  'request_reconsideration' | 'review_reconsideration_fact' | 'decide_reconsideration'
> => 'region' in e;

/** The entry for (state, command), or undefined when the pair is not allowed. */
export function findCaseTransition(state: CaseState, command: CommandType): CaseMachineEntry | undefined {
  return CASE_MACHINE.find((e) => e.command === command && e.from.includes(state));
}

export { RECONSIDERATION_MACHINE };
