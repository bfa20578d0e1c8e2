import { ROLES as PERSON_ROLES } from '../shared/vocabulary.js';
/**
 * The vocabulary of the case machine: states, roles, actors, commands, the
 * snapshot the machine reads and the effects it asks the use-case layer to
 * carry out. Plain data only: everything here is JSON-serialisable.
 */
import type { WorkdayCalendar } from './WorkdayCalendar.js';

/**
 * Main states of one application (docs/spec/workflow.md "One application").
 *
 * `new` is the pseudo-state of a case that does not exist yet (no points
 * account): `create_draft` is its only command, so account creation is a
 * transition like every other, with its guard and its audit event.
 *
 * confirmed / adjusted / corrected are NOT states: the spec says determinations
 * are never overwritten and the points stay in force meanwhile, so they are
 * events on a `determined` case. Confirmation (签注, 细则 第九条) records a
 * confirmation and stays `determined`; a decrease (第九条) or a correction
 * (第十二条 监督) produces a new determination that supersedes the old one and
 * stays `determined`; an adjustment (第九条) sends the case round the filing
 * cycle again (`cycle: 'adjustment'`: draft → … → verified → determine), the
 * previous determination staying in force until the new one supersedes it.
 */
export const CASE_STATES = [
  'new',
  'draft',
  'submitted',
  'supplement_required',
  'accepted',
  'under_review',
  'verified',
  'refused',
  'determined',
  'withdrawn',
  'expired',
  'invalidated',
] as const;
export type CaseState = (typeof CASE_STATES)[number];
/** The states a stored case may be in: all but `new` (no case row exists yet). */
export type StoredCaseState = Exclude<CaseState, 'new'>;
export const STORED_CASE_STATES = CASE_STATES.filter((s): s is StoredCaseState => s !== 'new');

/**
 * The reconsideration region (复核, 细则 第十二条), active only while the case is
 * `determined`. See reconsiderationMachine.ts for why it is a region of the case.
 */
export const RECONSIDERATION_STATES = [
  'none',
  'district_pending',
  'district_decided',
  'city_pending',
  'city_decided',
] as const;
export type ReconsiderationState = (typeof RECONSIDERATION_STATES)[number];

/**
 * Roles of docs/spec/workflow.md "People and their rooms". `system` is not a person: it
 * is the sweep and the registry feeds (reminders, 签注 confirmation, expiry,
 * cancellation). `admin` is listed so that it can be refused: it never edits a case.
 */
export const ROLES = [...PERSON_ROLES, 'system'] as const;
export type Role = (typeof ROLES)[number];

/** Where an actor may act: the room rule of one allowance. */
export type Room = 'own_case' | 'own_unit' | 'own_district' | 'city' | 'system';

export interface Actor {
  id: string;
  role: Role;
  /** For employer_hr: the unit they act for. */
  unitId?: string | null;
  /** For district officers: their district (one of the 16). */
  district?: string | null;
}

export interface TransitionContext {
  /** ISO timestamp of the command, passed in: the machine never reads the clock. */
  now: string;
  /** The calendar date of `now` in Asia/Shanghai (YYYY-MM-DD). */
  today: string;
  actor: Actor;
  calendar: WorkdayCalendar;
}

export type TaskStatus = 'open' | 'passed' | 'failed' | 'referred';

/** One review task per claimed indicator (细则 第六条 1–7). */
export interface ReviewTask {
  id: string;
  indicator: string;
  status: TaskStatus;
  /** The competent authority while referred. */
  referredTo?: string | null;
}

export type DeadlineKind =
  | 'acceptance_reminder'
  | 'acceptance_stale'
  | 'determination'
  | 'reconsideration'
  | 'permit_expiry_reminder'
  | 'permit_expiry';

export type ReminderKind =
  | 'acceptance_reminder'
  | 'acceptance_stale'
  | 'determination_overdue'
  | 'reconsideration_overdue'
  | 'permit_expiry_reminder';

/** Fixed list of reasons a unit may give for urgency (docs/spec/workflow.md Decision). */
export const URGENCY_REASONS = [
  'child_zhongkao_gaokao',
  'child_school_entry',
  'social_insurance_medical',
  'other_listed',
] as const;
export type UrgencyReason = (typeof URGENCY_REASONS)[number];

export type DeterminationReason =
  'initial' | 'adjustment' | 'decrease' | 'correction' | 'reconsideration_district' | 'reconsideration_city';

/**
 * Everything the machine needs to decide, and nothing it does not: the full
 * case (materials, explanations, personal data) lives in storage.
 */
export interface CaseSnapshot {
  caseId: string;
  /** Increments by one on every applied command (optimistic concurrency). */
  version: number;
  state: CaseState;
  /** `adjustment` while an adjustment (细则 第九条) goes round the filing cycle. */
  cycle: 'initial' | 'adjustment';
  /** The permit holder (持证人) this case belongs to. */
  holderId: string;
  unitId: string;
  /** The acceptance district: where the unit is registered. */
  district: string;
  permit: { issuedOn: string; validUntil: string };
  /** Date of the last (re)submission: the 等待受理 clock starts here. */
  submittedOn: string | null;
  /** Acceptance date of the current cycle: picks the rules version (docs/spec/rules.md §1). */
  acceptedOn: string | null;
  verifiedOn: string | null;
  /** Material items required for this applicant (积分对应材料), set at submission. */
  checklist: string[];
  /** One-time notices (一次性告知单, 细则 第五条) of the current cycle. */
  notices: {
    count: number;
    lastItems: string[];
    /** Items present and not objected to at an earlier notice of this cycle. */
    itemsPassed: string[];
  };
  tasks: ReviewTask[];
  /** Referral clock: `since` while at least one referral is open. */
  pause: { since: string | null; pausedWorkdays: number };
  deadlines: Partial<Record<DeadlineKind, string>>;
  /** `${kind}@${due}` of reminders already raised: the sweep never reminds twice. */
  remindersSent: string[];
  /** The determination in force (never overwritten: a new one supersedes). */
  determination: { seq: number; points: number; on: string; reason: DeterminationReason } | null;
  /** Sequence of the last determination created for this case. */
  determinationCount: number;
  reconsideration: {
    state: ReconsiderationState;
    requestedOn: string | null;
    /** Determination seq the open/decided request is about. */
    aboutSeq: number | null;
    /**
     * Facts added or corrected in the pending request that a reviewer has not
     * yet accepted or rejected (issue 15); the decision waits for them.
     * Absent on snapshots written before it existed (read as 0).
     */
    factsOpen?: number;
  };
  urgency: { reason: UrgencyReason; date: string } | null;
  /** Date the case reached a terminal state. */
  closedOn: string | null;
}

/** A one-time notice line: every missing or defective item with its reason. */
export interface NoticeItem {
  itemId: string;
  problem: 'missing' | 'defective';
  reason: string;
}

/** What the rules engine said, summarised for the guards (docs/spec/rules.md §5, §7). */
export interface EngineOutcome {
  total: number;
  rulesVersion: string;
  /** True when a wage figure was extrapolated (docs/spec/rules.md §7): no determination then. */
  provisional: boolean;
  provisionalMonths?: string[];
  vetoed: boolean;
}

/** 细则 第十四条: a false-material finding. */
export interface PenaltyInput {
  party: 'individual' | 'unit';
  serious: boolean;
  reason: string;
  /** Unit only: 3万元以上5万元以下罚款. */
  fineCny?: number;
}

export interface PrecheckOutcome {
  eligible: boolean;
  reasons: string[];
  simulatedTotal: number;
}

export type UnitStatus = 'registered' | 'verified' | 'rejected' | 'barred';

export interface CommandPayloads {
  create_draft: { unitStatus: UnitStatus };
  submit: { unitStatus: UnitStatus; precheck: PrecheckOutcome; checklist: string[] };
  withdraw: { reason?: string };
  accept: { received: string[] };
  return_with_notice: { items: NoticeItem[]; override?: { supervisorId: string; reason: string } };
  resubmit: { precheck: PrecheckOutcome; checklist: string[] };
  attach_urgency_note: { reason: UrgencyReason; date: string; text?: string };
  /** The indicators claimed after the edit (the claims themselves are stored by the use case). */
  update_claims: { indicators: string[] };
  /** An officer of the case's district named for one review task (checked by the use case). */
  assign_task: { taskId: string; assigneeId: string };
  start_review: { tasks: { id: string; indicator: string }[] };
  record_task_result: { taskId: string; result: 'passed' | 'failed'; note?: string };
  refer_item: { taskId: string; authority: string };
  settle_referral: { taskId: string; result: 'passed' | 'failed' };
  verify: Record<string, never>;
  refuse: { reasons: { code: string; text: string; citation: string }[]; falseMaterial?: PenaltyInput };
  determine: { engine: EngineOutcome };
  confirm_at_endorsement: { newValidUntil: string };
  request_adjustment: { reason: string };
  apply_decrease: { engine: EngineOutcome; reason: string };
  correct: { engine: EngineOutcome; reason: string; falseMaterial?: PenaltyInput };
  expire: Record<string, never>;
  invalidate: { cancelledOn: string };
  request_reconsideration: {
    grounds: string;
    /** What is disputed, per item where possible (indicator of the determination, or none for the whole). */
    disputed?: { indicator?: string; statement: string }[];
    /** Facts added or corrected: one claim per indicator, reviewed against the evidence before the decision. */
    facts?: { indicator: string; detail: Record<string, unknown>; statement: string }[];
  };
  /** The reviewer's finding on one fact of the pending reconsideration (issue 15). */
  review_reconsideration_fact: { factId: string; result: 'accepted' | 'rejected'; note: string };
  decide_reconsideration: { outcome: 'upheld' | 'changed'; reasons: string; engine?: EngineOutcome };
  remind: { kind: ReminderKind };
}

export type CommandType = keyof CommandPayloads;

export const COMMAND_TYPES = [
  'create_draft',
  'submit',
  'withdraw',
  'accept',
  'return_with_notice',
  'resubmit',
  'attach_urgency_note',
  'update_claims',
  'assign_task',
  'start_review',
  'record_task_result',
  'refer_item',
  'settle_referral',
  'verify',
  'refuse',
  'determine',
  'confirm_at_endorsement',
  'request_adjustment',
  'apply_decrease',
  'correct',
  'expire',
  'invalidate',
  'request_reconsideration',
  'review_reconsideration_fact',
  'decide_reconsideration',
  'remind',
] as const satisfies readonly CommandType[];

export type Command = { [K in CommandType]: { type: K; payload: CommandPayloads[K] } }[CommandType];
export type CommandOf<K extends CommandType> = Extract<Command, { type: K }>;

export type Recipient =
  | { kind: 'holder'; holderId: string }
  | { kind: 'unit'; unitId: string }
  | { kind: 'district'; district: string };

/** Templates of the messages the outbox sends (notify/ renders them). */
export type TemplateId =
  | 'account_created'
  | 'application_submitted'
  | 'application_withdrawn'
  | 'application_accepted'
  | 'one_time_notice'
  | 'referral_opened'
  | 'application_verified'
  | 'application_refused'
  | 'determination_made'
  | 'points_confirmed'
  | 'points_decreased'
  | 'points_corrected'
  | 'points_expired'
  | 'points_invalidated'
  | 'reconsideration_received'
  | 'reconsideration_decided'
  | 'reminder_acceptance_waiting'
  | 'dashboard_stale'
  | 'dashboard_determination_overdue'
  | 'dashboard_reconsideration_overdue'
  | 'reminder_permit_expiry';

/**
 * Effects: plain data that the use-case layer executes in the same transaction
 * as the snapshot update. Identifiers are derived (case id, version, sequence)
 * so that a retried command produces the same ids and is applied once.
 */
export type Effect =
  | {
      type: 'audit';
      caseId: string;
      version: number;
      command: CommandType;
      actorId: string;
      actorRole: Role;
      from: CaseState;
      to: CaseState;
      at: string;
      detail: Record<string, unknown>;
    }
  | {
      type: 'outbox';
      messageId: string;
      channel: 'sms' | 'unit_message' | 'dashboard';
      recipient: Recipient;
      template: TemplateId;
      params: Record<string, string | number>;
    }
  | { type: 'set_deadline'; kind: DeadlineKind; due: string | null }
  | { type: 'pause_deadline'; kind: 'determination'; since: string }
  | { type: 'create_receipt'; caseId: string; receivedOn: string; items: string[] }
  | {
      type: 'create_notice';
      caseId: string;
      seq: number;
      issuedOn: string;
      items: NoticeItem[];
      override: { supervisorId: string; reason: string } | null;
    }
  | { type: 'create_application_form'; caseId: string; version: number }
  | {
      type: 'create_determination';
      caseId: string;
      seq: number;
      reason: DeterminationReason;
      /** The engine runs with the rules version in force on this date (acceptance date). */
      rulesAsOf: string;
      rulesVersion: string;
      points: number;
      supersedesSeq: number | null;
    }
  | { type: 'create_review_tasks'; caseId: string; tasks: { id: string; indicator: string }[] }
  | {
      type: 'record_task_result';
      caseId: string;
      taskId: string;
      result: 'passed' | 'failed';
      via: 'review' | 'referral';
    }
  | { type: 'assign_task'; caseId: string; taskId: string; assigneeId: string }
  | { type: 'create_referral'; caseId: string; taskId: string; authority: string; since: string }
  | { type: 'close_referral'; caseId: string; taskId: string; until: string; pausedWorkdays: number }
  | { type: 'create_refusal'; caseId: string; reasons: { code: string; text: string; citation: string }[] }
  | {
      type: 'record_penalty';
      caseId: string;
      party: 'individual' | 'unit';
      subjectId: string;
      serious: boolean;
      reason: string;
      fineCny: number | null;
      /** Serious cases: barred until this date (3 years, 细则 第十四条). */
      barredUntil: string | null;
      decidedOn: string;
      decidedBy: string;
    }
  | { type: 'record_confirmation'; caseId: string; determinationSeq: number; validUntil: string; on: string }
  | {
      type: 'create_reconsideration';
      caseId: string;
      level: 'district' | 'city';
      aboutSeq: number;
      requestedOn: string;
      due: string;
      grounds: string;
      disputed?: { indicator?: string; statement: string }[];
      facts?: { indicator: string; detail: Record<string, unknown>; statement: string }[];
    }
  | {
      type: 'review_reconsideration_fact';
      caseId: string;
      factId: string;
      result: 'accepted' | 'rejected';
      note: string;
      reviewedOn: string;
    }
  | {
      type: 'create_reconsideration_decision';
      caseId: string;
      level: 'district' | 'city';
      outcome: 'upheld' | 'changed';
      reasons: string;
      decidedOn: string;
    }
  | { type: 'record_urgency_note'; caseId: string; reason: UrgencyReason; date: string; text: string | null }
  | { type: 'create_reminder'; caseId: string; kind: ReminderKind; due: string; raisedOn: string };

export type EffectType = Effect['type'];

export interface TransitionResult {
  next: CaseSnapshot;
  effects: Effect[];
}
