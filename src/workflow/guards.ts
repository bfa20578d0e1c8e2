/**
 * Named guards: each a pure predicate over the snapshot, the command payload
 * and the context. A transition lists the guards it needs by name; the first
 * one that fails is reported in the error's `detail.guard`, its description in
 * the message. Facts the machine cannot know (pre-check, engine result, unit
 * status) are computed by the use-case layer and passed in the payload.
 */
import { isIsoDate, isoToDayNumber } from '../shared/dates.js';
import { accountCreationAllowed, isOverdue, isReached, permitLapsesOn } from './deadlines.js';
import type {
  CaseSnapshot,
  DeadlineKind,
  EngineOutcome,
  NoticeItem,
  PenaltyInput,
  PrecheckOutcome,
  ReminderKind,
  TransitionContext,
  UnitStatus,
  UrgencyReason,
} from './types.js';
import { URGENCY_REASONS } from './types.js';

export interface Guard<P> {
  /** Chinese: what must be true, shown when it is not. */
  description: string;
  check: (s: CaseSnapshot, p: P, ctx: TransitionContext) => boolean;
}

const guard = <P>(
  description: string,
  check: (s: CaseSnapshot, p: P, ctx: TransitionContext) => boolean,
): Guard<P> => ({
  description,
  check,
});

const nonBlank = (x: string | undefined | null): boolean => typeof x === 'string' && x.trim().length > 0;
const unique = (xs: readonly string[]): boolean => new Set(xs).size === xs.length;
const dayLE = (a: string, b: string): boolean => isoToDayNumber(a) <= isoToDayNumber(b);

/** Which deadline a reminder is about, and whether it is due on its day or after it. */
export const REMINDER_RULES: Record<ReminderKind, { deadline: DeadlineKind; when: 'reached' | 'overdue' }> = {
  acceptance_reminder: { deadline: 'acceptance_reminder', when: 'reached' },
  acceptance_stale: { deadline: 'acceptance_stale', when: 'reached' },
  determination_overdue: { deadline: 'determination', when: 'overdue' },
  reconsideration_overdue: { deadline: 'reconsideration', when: 'overdue' },
  permit_expiry_reminder: { deadline: 'permit_expiry_reminder', when: 'reached' },
};

export const reminderKey = (kind: ReminderKind, due: string): string => `${kind}@${due}`;

export const GUARDS = {
  /** docs/spec/rules.md §6, 申办流程: account not before the 3rd working day after the permit was issued. */
  permitOldEnough: guard<unknown>('居住证领取满3个工作日后（第3个工作日起）方可创建积分账户', (s, _p, ctx) =>
    accountCreationAllowed(ctx.calendar, s.permit.issuedOn, ctx.today),
  ),
  /** docs/spec/rules.md §6: holds a valid 上海市居住证. */
  permitValid: guard<unknown>('居住证须在有效期内', (s, _p, ctx) => dayLE(ctx.today, s.permit.validUntil)),
  /** docs/spec/workflow.md Employer registration: only a verified unit can file. */
  unitMayFile: guard<{ unitStatus: UnitStatus }>(
    '用人单位须已通过受理点核验且未被限制代办',
    (_s, p) => p.unitStatus === 'verified',
  ),
  /** docs/spec/rules.md §6: an ineligible application cannot be submitted (a total under 120 only warns). */
  precheckPassed: guard<{ precheck: PrecheckOutcome }>(
    '预检查未通过，不能提交',
    (_s, p) => p.precheck.eligible && p.precheck.reasons.length === 0,
  ),
  checklistPresent: guard<{ checklist: string[] }>(
    '须生成本申请人的材料清单（不重复）',
    (_s, p) => p.checklist.length > 0 && unique(p.checklist) && p.checklist.every(nonBlank),
  ),
  /** 细则 第五条: 材料齐全的，予以受理. */
  allMaterialsPresent: guard<{ received: string[] }>('材料清单中的每一项都须已收齐', (s, p) => {
    const got = new Set(p.received);
    return s.checklist.length > 0 && s.checklist.every((item) => got.has(item));
  }),
  /** 细则 第五条: the notice lists every missing or defective item, each with a reason. */
  noticeComplete: guard<{ items: NoticeItem[] }>(
    '一次性告知单须列明每一项缺少或有误的材料及原因',
    (_s, p) =>
      p.items.length > 0 &&
      unique(p.items.map((i) => i.itemId)) &&
      p.items.every((i) => nonBlank(i.itemId) && nonBlank(i.reason)),
  ),
  /**
   * 细则 第五条 "当场一次性告知" (docs/spec/workflow.md Decision): a later notice may not
   * object to an item that was present and not objected to at an earlier one,
   * unless a supervisor (not the clerk) records why.
   */
  noticeListsOnlyNewItems: guard<{
    items: NoticeItem[];
    override?: { supervisorId: string; reason: string };
  }>('告知单不得增列此前已在场审查过的材料，除非主管人员记录理由', (s, p, ctx) => {
    const passed = new Set(s.notices.itemsPassed);
    if (!p.items.some((i) => passed.has(i.itemId))) return true;
    return (
      p.override !== undefined &&
      nonBlank(p.override.reason) &&
      nonBlank(p.override.supervisorId) &&
      p.override.supervisorId !== ctx.actor.id
    );
  }),
  /** docs/spec/workflow.md Decision: a reason from the fixed list and a real date not in the past. */
  urgencyNoteValid: guard<{ reason: UrgencyReason; date: string }>(
    '加急说明须从固定理由中选择，并注明不早于今天的日期',
    (_s, p, ctx) =>
      (URGENCY_REASONS as readonly string[]).includes(p.reason) &&
      isIsoDate(p.date) &&
      dayLE(ctx.today, p.date),
  ),
  /** 细则 第六条: one review task per claimed indicator. */
  hasReviewTasks: guard<{ tasks: { id: string; indicator: string }[] }>(
    '须按申报指标生成审核任务',
    (_s, p) =>
      p.tasks.length > 0 &&
      unique(p.tasks.map((t) => t.id)) &&
      p.tasks.every((t) => nonBlank(t.id) && nonBlank(t.indicator)),
  ),
  /** A task is assigned while it is still to be done (an assignment of a finished task changes nothing). */
  taskToDo: guard<{ taskId: string }>('该审核任务须存在且尚未办结', (s, p) =>
    s.tasks.some((t) => t.id === p.taskId && (t.status === 'open' || t.status === 'referred')),
  ),
  taskOpen: guard<{ taskId: string }>('该审核任务须存在且尚未办结', (s, p) =>
    s.tasks.some((t) => t.id === p.taskId && t.status === 'open'),
  ),
  /** 细则 第六条 "对有疑问的材料，可提请主管部门或专门机构进行核实". */
  taskReferable: guard<{ taskId: string; authority: string }>(
    '该审核任务须存在、未在核实中，并写明主管部门',
    (s, p) => nonBlank(p.authority) && s.tasks.some((t) => t.id === p.taskId && t.status !== 'referred'),
  ),
  referralOpen: guard<{ taskId: string }>('该事项须正在提请核实中', (s, p) =>
    s.tasks.some((t) => t.id === p.taskId && t.status === 'referred'),
  ),
  /** docs/spec/workflow.md verify: all tasks pass (or are settled). */
  allTasksSettled: guard<unknown>(
    '所有审核任务须已办结',
    (s) => s.tasks.length > 0 && s.tasks.every((t) => t.status === 'passed' || t.status === 'failed'),
  ),
  noOpenReferral: guard<unknown>(
    '不得有尚在主管部门核实中的事项',
    (s) => !s.tasks.some((t) => t.status === 'referred'),
  ),
  /** docs/spec/workflow.md refuse: reasons and citations. */
  refusalReasoned: guard<{ reasons: { code: string; text: string; citation: string }[] }>(
    '不予通过须写明理由及依据条款',
    (_s, p) =>
      p.reasons.length > 0 &&
      p.reasons.every((r) => nonBlank(r.code) && nonBlank(r.text) && nonBlank(r.citation)),
  ),
  /** 细则 第十四条: unit fine 3万–5万元; an individual is fined by the police, not here. */
  penaltyWellFormed: guard<{ falseMaterial?: PenaltyInput }>(
    '虚假材料处理须写明理由；单位罚款须在3万元以上5万元以下',
    (_s, p) => {
      const f = p.falseMaterial;
      if (f === undefined) return true;
      if (!nonBlank(f.reason)) return false;
      if (f.party === 'unit')
        return Number.isInteger(f.fineCny) && (f.fineCny ?? 0) >= 30_000 && (f.fineCny ?? 0) <= 50_000;
      return f.fineCny === undefined;
    },
  ),
  /** docs/spec/rules.md §7: an official determination refuses a provisional wage figure. */
  wageFiguresFinal: guard<{ engine?: EngineOutcome }>(
    '所需的社会平均工资尚未公布，须先加载后才能核定',
    (_s, p) => p.engine === undefined || !p.engine.provisional,
  ),
  /** docs/spec/rules.md §5: a vetoed applicant is refused, not determined. */
  notVetoed: guard<{ engine?: EngineOutcome }>(
    '存在一票否决情形，应不予通过而非核定',
    (_s, p) => p.engine === undefined || !p.engine.vetoed,
  ),
  /** A changed reconsideration result is a new determination: it needs the engine result. */
  changeHasEngineResult: guard<{ outcome: 'upheld' | 'changed'; engine?: EngineOutcome }>(
    '复核改变结果的须附规则引擎重新核定的结果；维持的不得附',
    (_s, p) => (p.outcome === 'changed') === (p.engine !== undefined),
  ),
  decisionReasoned: guard<{ reasons: string }>('复核决定须写明理由', (_s, p) => nonBlank(p.reasons)),
  reasonGiven: guard<{ reason: string }>('须写明理由', (_s, p) => nonBlank(p.reason)),
  groundsGiven: guard<{ grounds: string; facts?: { statement: string }[] }>(
    '复核申请须写明异议理由',
    (_s, p) => nonBlank(p.grounds) && (p.facts ?? []).every((f) => nonBlank(f.statement)),
  ),
  /** Issue 15: a reviewer's finding is about an open fact, and says why. */
  reconsiderationFactOpen: guard<{ note: string }>(
    '须有待核实的复核补正事实，并写明核实意见',
    (s, p) => (s.reconsideration.factsOpen ?? 0) > 0 && nonBlank(p.note),
  ),
  /** workflow.md: facts come from the registry or reviewed evidence — the decision waits for the review. */
  reconsiderationFactsReviewed: guard<unknown>(
    '复核申请中补正的事实须先由审核人员对照证据核实',
    (s) => (s.reconsideration.factsOpen ?? 0) === 0,
  ),
  determinationInForce: guard<unknown>('须有有效的积分核定结果', (s) => s.determination !== null),
  /** 细则 第九条: 积分下降或出现减分项目的，进行扣减. */
  pointsDecrease: guard<{ engine: EngineOutcome }>(
    '扣减后的积分须低于现有积分',
    (s, p) => s.determination !== null && p.engine.total < s.determination.points,
  ),
  /** Keeps one dispute at a time: a pending reconsideration must be decided first. */
  noOpenReconsideration: guard<unknown>(
    '有尚未决定的复核申请',
    (s) => s.reconsideration.state !== 'district_pending' && s.reconsideration.state !== 'city_pending',
  ),
  /** 细则 第九条: confirmation at 签注 — the endorsement extends the permit. */
  endorsementExtends: guard<{ newValidUntil: string }>(
    '签注后的有效期须晚于原有效期',
    (s, p) =>
      isIsoDate(p.newValidUntil) && isoToDayNumber(p.newValidUntil) > isoToDayNumber(s.permit.validUntil),
  ),
  /** 细则 第十一条: 签注过期，积分失效 — only after the last valid day. */
  permitLapsed: guard<unknown>('居住证签注尚未过期', (s, _p, ctx) =>
    isReached(permitLapsesOn(s.permit.validUntil), ctx.today),
  ),
  /** 细则 第十一条: 被注销时，积分自动失效 — reported by the registry feed. */
  cancellationReported: guard<{ cancelledOn: string }>(
    '须有居住证注销日期且不晚于今天',
    (_s, p, ctx) => isIsoDate(p.cancelledOn) && dayLE(p.cancelledOn, ctx.today),
  ),
  /** The sweep: the deadline is set, reached (or passed), not paused, and not yet reminded. */
  reminderDue: guard<{ kind: ReminderKind }>('该提醒尚未到期或已发送', (s, p, ctx) => {
    const rule = Object.hasOwn(REMINDER_RULES, p.kind) ? REMINDER_RULES[p.kind] : undefined;
    if (rule === undefined) return false;
    const due = s.deadlines[rule.deadline];
    if (due === undefined) return false;
    if (rule.deadline === 'determination' && s.pause.since !== null) return false;
    if (s.remindersSent.includes(reminderKey(p.kind, due))) return false;
    return rule.when === 'reached' ? isReached(due, ctx.today) : isOverdue(due, ctx.today);
  }),
};

export type GuardName = keyof typeof GUARDS;

/** The payload a guard reads. */
export type GuardPayload<G extends GuardName> = Parameters<(typeof GUARDS)[G]['check']>[1];
