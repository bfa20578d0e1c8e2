import type { ColumnType, Generated, Insertable, Selectable, Updateable } from 'kysely';

/**
 * TypeScript view of the schema created by `migrations/`. Columns are snake_case
 * in SQL and camelCase here (kysely's CamelCasePlugin). Dates are ISO text
 * `YYYY-MM-DD`, months `YYYY-MM`, timestamps ISO-8601 UTC text passed in by
 * the caller, money integer fen.
 */

export { DISTRICTS, ROLES } from '../shared/vocabulary.js';
import type { District, Role } from '../shared/vocabulary.js';
export type { District, Role };

/**
 * The states a stored case may be in: the machine's one list (src/workflow/types.ts) without
 * `new`. Migration 0001 keeps its own frozen copy for its CHECK constraint, as a migration must.
 */
export { STORED_CASE_STATES as CASE_STATES, type StoredCaseState as CaseState } from '../workflow/types.js';
import type { StoredCaseState as CaseState } from '../workflow/types.js';

export type UnitKind =
  | 'enterprise'
  | 'public_institution'
  | 'social_organization'
  | 'private_non_enterprise'
  | 'individual_business'
  | 'representative_office'
  | 'branch';
export type UnitRegistrationStatus = 'registered' | 'verified' | 'rejected';
export type OutboxStatus = 'pending' | 'sending' | 'sent' | 'delivered' | 'failed' | 'dead';
export type OutboxChannel = 'sms' | 'unit_message';

/** A boolean column: native on PostgreSQL, 0/1 on SQLite. Read with `readBool`, write with `specificsOf(db).bool`. */
export type BoolColumn = ColumnType<boolean | number, boolean | number, boolean | number>;
/** A JSON column: read with `specificsOf(db).readJson`, write with `specificsOf(db).json`. */
export type JsonColumn = ColumnType<unknown, string, string>;
export type NullableJsonColumn = ColumnType<unknown, string | null, string | null>;

interface Stamps {
  createdAt: string;
  updatedAt: string;
}

export interface UnitsTable extends Stamps {
  id: string;
  name: string;
  creditCode: string;
  district: District;
  kind: UnitKind;
  registrationStatus: ColumnType<
    UnitRegistrationStatus,
    UnitRegistrationStatus | undefined,
    UnitRegistrationStatus
  >;
  rejectionReason: string | null;
  taxStatus: ColumnType<
    'paying' | 'not_paying',
    'paying' | 'not_paying' | undefined,
    'paying' | 'not_paying'
  >;
  operatingStatus: ColumnType<
    'normal' | 'abnormal' | 'deregistered',
    'normal' | 'abnormal' | 'deregistered' | undefined,
    'normal' | 'abnormal' | 'deregistered'
  >;
  barredUntil: string | null;
  registeredAt: string;
  verifiedAt: string | null;
  verifiedBy: string | null;
}

export interface UsersTable extends Stamps {
  id: string;
  username: string;
  displayName: string;
  role: Role;
  district: District | null;
  unitId: string | null;
  holderId: string | null;
  passwordHash: string | null;
  active: ColumnType<boolean | number, boolean | number | undefined, boolean | number>;
  failedLogins: Generated<number>;
  lockedUntil: string | null;
  lastLoginAt: string | null;
  /** Migration 0160: the password was set by someone else and must be changed at the next login. */
  passwordChangeRequired: ColumnType<boolean | number, boolean | number | undefined, boolean | number>;
}

export interface HoldersTable extends Stamps {
  id: string;
  idNumber: string;
  idNumberMasked: string;
  name: string;
  phone: string | null;
  phoneMasked: string | null;
  birthDate: string;
}

export interface PermitsTable extends Stamps {
  id: string;
  holderId: string;
  permitNo: string;
  issuedOn: string;
  validUntil: string;
  endorsedUntil: string;
  status: ColumnType<'active' | 'cancelled', 'active' | 'cancelled' | undefined, 'active' | 'cancelled'>;
  cancelledOn: string | null;
}

export interface InsuranceMonthsTable {
  holderId: string;
  month: string;
  baseFen: number;
  unitCreditCode: string;
  backPaid: BoolColumn;
  importedAt: string;
}

export interface TaxRecordsTable {
  holderId: string;
  month: string;
  payerCreditCode: string;
  incomeFen: number;
  taxFen: number;
  importedAt: string;
}

export type HouseholdRecordType = 'marriage' | 'divorce' | 'spouse_shanghai_hukou' | 'child_birth';
export interface HouseholdRecordsTable {
  holderId: string;
  recordType: HouseholdRecordType;
  eventDate: string;
  detail: string | null;
  importedAt: string;
}

export type EducationLevel = 'senior_high' | 'associate' | 'bachelor' | 'master' | 'doctor';
export interface EducationVerificationsTable {
  holderId: string;
  certificateNo: string;
  level: EducationLevel;
  degree: BoolColumn;
  fullTime: BoolColumn;
  foreignDegree: BoolColumn;
  recognized: BoolColumn;
  result: 'verified' | 'not_found' | 'mismatch';
  verifiedOn: string;
  majorCode: string | null;
  majorName: string | null;
  importedAt: string;
}

export interface CasesTable extends Stamps {
  id: string;
  holderId: string;
  unitId: string;
  district: District;
  state: CaseState;
  version: ColumnType<number, number | undefined, number>;
  /** The role that holds the case now: who has to act next. */
  holderRole: Role;
  heldBy: string | null;
  /** Fixes the rules version of the determination. */
  acceptanceDate: string | null;
  dueDate: string | null;
  dueKind: string | null;
  pausedSince: string | null;
  pausedDays: ColumnType<number, number | undefined, number>;
  submittedAt: string | null;
  acceptedAt: string | null;
  verifiedAt: string | null;
  determinedAt: string | null;
  closedAt: string | null;
  urgencyReason: string | null;
  urgencyDate: string | null;
  urgencyNote: string | null;
  createdBy: string;
  // ── Added by migration 0002 (issue 4 use-case layer, src/cases). Nullable, so
  //    rows written by `insertCase` without them stay valid.
  /** The workflow machine's CaseSnapshot (JSON); the columns above are derived from it. */
  snapshot: ColumnType<unknown, string | null | undefined, string | null>;
  /** Earliest date the sweep has work for this case; null when closed. */
  nextSweepOn: ColumnType<string | null, string | null | undefined, string | null>;
  permitId: ColumnType<string | null, string | null | undefined, string | null>;
  /** First submission date of the current cycle (statistics). */
  filedOn: ColumnType<string | null, string | null | undefined, string | null>;
  acceptanceWorkdays: ColumnType<number | null, number | null | undefined, number | null>;
  determinationWorkdays: ColumnType<number | null, number | null | undefined, number | null>;
  /** 1 when the (last) determination was made by its due date, 0 when late. */
  determinationOnTime: ColumnType<number | null, number | null | undefined, number | null>;
  /** Migration 0180: the application number people read and type (applicationNumbers.ts); fixed at creation. */
  applicationNo: ColumnType<string | null, string | null | undefined, string | null>;
}

/** 签注时确认 (细则 第九条), migration 0002. */
export interface ConfirmationsTable {
  caseId: string;
  determinationSeq: number;
  validUntil: string;
  confirmedOn: string;
  createdAt: string;
}

/** Refusal reasons with citations, migration 0002. */
export interface RefusalsTable {
  id: string;
  caseId: string;
  reasons: JsonColumn;
  decidedBy: string;
  decidedAt: string;
}

export interface ClaimedIndicatorsTable {
  caseId: string;
  indicator: string;
  detail: JsonColumn;
  claimedAt: string;
}

export type MaterialStatus = 'required' | 'received' | 'defective';
export interface MaterialsTable extends Stamps {
  id: string;
  caseId: string;
  code: string;
  label: string;
  indicator: string | null;
  required: BoolColumn;
  status: ColumnType<MaterialStatus, MaterialStatus | undefined, MaterialStatus>;
  defectReason: string | null;
  updatedBy: string | null;
}

export type ReviewTaskStatus = 'open' | 'passed' | 'failed' | 'referred' | 'settled';
export interface ReviewTasksTable extends Stamps {
  id: string;
  caseId: string;
  indicator: string;
  status: ColumnType<ReviewTaskStatus, ReviewTaskStatus | undefined, ReviewTaskStatus>;
  assignedTo: string | null;
  referredTo: string | null;
  referredAt: string | null;
  returnedAt: string | null;
  outcomeNote: string | null;
}

export interface ReceiptsTable {
  id: string;
  caseId: string;
  receiptNo: string;
  items: JsonColumn;
  issuedBy: string;
  issuedAt: string;
}

export interface OneTimeNoticesTable {
  id: string;
  caseId: string;
  sequence: number;
  items: JsonColumn;
  overrideReason: string | null;
  issuedBy: string;
  issuedAt: string;
}

export type DeterminationReason =
  'initial' | 'adjustment' | 'reconsideration' | 'correction' | 'confirmation';
export interface DeterminationsTable {
  id: string;
  caseId: string;
  sequence: number;
  supersedes: string | null;
  reason: DeterminationReason;
  rulesVersion: string;
  acceptanceDate: string;
  total: number;
  result: JsonColumn;
  explanation: JsonColumn;
  verificationCode: string;
  decidedBy: string;
  decidedAt: string;
}

export interface ReconsiderationsTable extends Stamps {
  id: string;
  caseId: string;
  determinationId: string;
  level: 'district' | 'city';
  previousId: string | null;
  status: ColumnType<
    'requested' | 'decided' | 'withdrawn',
    'requested' | 'decided' | 'withdrawn' | undefined,
    'requested' | 'decided' | 'withdrawn'
  >;
  requestedBy: string;
  requestedAt: string;
  grounds: string;
  dueDate: string | null;
  decidedBy: string | null;
  decidedAt: string | null;
  outcome: 'upheld' | 'changed' | null;
  decisionDocument: NullableJsonColumn;
  newDeterminationId: string | null;
  /** What is disputed, per item where possible (migration 0190). */
  disputed: ColumnType<unknown, string | null | undefined, string | null>;
}

/** A file attached to a reconsideration request (migration 0190), kept in the database. */
export interface EvidenceFilesTable {
  id: string;
  caseId: string;
  reconsiderationId: string;
  uploadedBy: string;
  fileName: string;
  contentType: 'application/pdf' | 'image/jpeg' | 'image/png';
  size: number;
  sha256: string;
  bytes: ColumnType<Buffer | Uint8Array, Buffer, Buffer>;
  createdAt: string;
}

/** A fact added or corrected in a reconsideration, reviewed before the decision (migration 0190). */
export interface ReconsiderationFactsTable extends Stamps {
  id: string;
  caseId: string;
  reconsiderationId: string;
  indicator: string;
  detail: JsonColumn;
  statement: string;
  status: ColumnType<
    'open' | 'accepted' | 'rejected',
    'open' | 'accepted' | 'rejected' | undefined,
    'open' | 'accepted' | 'rejected'
  >;
  reviewedBy: string | null;
  reviewedAt: string | null;
  reviewNote: string | null;
}

export interface CorrectionsTable {
  id: string;
  caseId: string;
  determinationId: string;
  newDeterminationId: string | null;
  reason: string;
  decidedBy: string;
  decidedAt: string;
}

export type PenaltyKind = 'false_material' | 'fine' | 'credit_record' | 'bar';
export interface PenaltiesTable extends Stamps {
  id: string;
  subjectKind: 'individual' | 'unit';
  holderId: string | null;
  unitId: string | null;
  caseId: string | null;
  kind: PenaltyKind;
  serious: BoolColumn;
  reason: string;
  /** Migration 0210: the legal basis of a penalty recorded on its own by the city. */
  legalBasis: ColumnType<string | null, string | null | undefined, string | null>;
  amountFen: number | null;
  effectiveFrom: string;
  effectiveUntil: string | null;
  status: ColumnType<
    'in_force' | 'appealed' | 'revoked',
    'in_force' | 'appealed' | 'revoked' | undefined,
    'in_force' | 'appealed' | 'revoked'
  >;
  decidedBy: string;
  decidedAt: string;
}

export interface OutboxTable extends Stamps {
  id: string;
  channel: OutboxChannel;
  recipient: string;
  templateId: string;
  templateVersion: number;
  payload: JsonColumn;
  caseId: string | null;
  status: ColumnType<OutboxStatus, OutboxStatus | undefined, OutboxStatus>;
  attempts: ColumnType<number, number | undefined, number>;
  maxAttempts: number;
  nextAttemptAt: string;
  leaseUntil: string | null;
  lastError: string | null;
  providerMessageId: string | null;
  sentAt: string | null;
  deliveredAt: string | null;
  /** Migration 0130: when the provider's last delivery report arrived. */
  deliveryReportedAt: ColumnType<string | null, string | null | undefined, string | null>;
}

/** A unit's in-system messages (migration 0130): workflow messages and undelivered-SMS fallbacks. */
export interface UnitMessagesTable {
  id: string;
  unitId: string;
  caseId: string | null;
  kind: 'notice' | 'sms_undeliverable';
  /** The outbox id (or `undeliverable:<outbox id>`): one row per delivery however often it is retried. */
  dedupKey: string;
  templateId: string;
  templateVersion: number;
  text: string;
  createdAt: string;
  readAt: string | null;
}

export interface AuditEventsTable {
  /** Ordering key, assigned by the database without a lock (gaps allowed since migration 0170). */
  seq: Generated<number>;
  id: string;
  at: string;
  actorId: string;
  actorRole: string;
  command: string;
  caseId: string | null;
  payloadJson: string;
  prevHash: string;
  hash: string;
  /** The subject chain (`case:…`, `user:…`, `unit:…`, `policy:…`, `actor:…`); null: the legacy single chain (before migration 0170). */
  chain: string | null;
  chainSeq: number | null;
}

export interface AuditChainsTable {
  chain: string;
  lastSeq: number;
  lastHash: string;
  checkpointedSeq: number;
}

export interface AuditCheckpointsTable {
  seq: number;
  at: string;
  leafCount: number;
  eventCount: number;
  merkleRoot: string;
  prevHash: string;
  hash: string;
}

export interface AuditCheckpointLeavesTable {
  checkpointSeq: number;
  chain: string;
  chainSeq: number;
  hash: string;
}

/** Migration 0180: named counters on SQLite (PostgreSQL uses sequences). */
/** Issue 16: the stored case view / workspace parts and the key they were computed for (0200). */
export interface CaseViewCacheTable {
  caseId: string;
  kind: 'case' | 'workspace';
  caseVersion: number;
  dataRevision: string;
  businessDay: string;
  factsKey: string;
  payload: string;
  computedAt: string;
}

export interface CountersTable {
  name: string;
  last: number;
}

export interface AuditHeadTable {
  id: number;
  lastSeq: number;
  lastHash: string;
}

export interface IdempotencyKeysTable {
  actorId: string;
  key: string;
  command: string;
  requestHash: string;
  response: NullableJsonColumn;
  createdAt: string;
  completedAt: string | null;
}

export interface RemindersTable {
  id: string;
  caseId: string;
  kind: string;
  dueOn: string;
  createdAt: string;
}

export interface Database {
  units: UnitsTable;
  users: UsersTable;
  holders: HoldersTable;
  permits: PermitsTable;
  insuranceMonths: InsuranceMonthsTable;
  taxRecords: TaxRecordsTable;
  householdRecords: HouseholdRecordsTable;
  educationVerifications: EducationVerificationsTable;
  cases: CasesTable;
  claimedIndicators: ClaimedIndicatorsTable;
  materials: MaterialsTable;
  reviewTasks: ReviewTasksTable;
  receipts: ReceiptsTable;
  oneTimeNotices: OneTimeNoticesTable;
  determinations: DeterminationsTable;
  reconsiderations: ReconsiderationsTable;
  evidenceFiles: EvidenceFilesTable;
  reconsiderationFacts: ReconsiderationFactsTable;
  corrections: CorrectionsTable;
  penalties: PenaltiesTable;
  outbox: OutboxTable;
  auditEvents: AuditEventsTable;
  auditHead: AuditHeadTable;
  auditChains: AuditChainsTable;
  auditCheckpoints: AuditCheckpointsTable;
  auditCheckpointLeaves: AuditCheckpointLeavesTable;
  auditCheckpointHead: AuditHeadTable;
  idempotencyKeys: IdempotencyKeysTable;
  reminders: RemindersTable;
  confirmations: ConfirmationsTable;
  refusals: RefusalsTable;
  unitMessages: UnitMessagesTable;
  counters: CountersTable;
  caseViewCache: CaseViewCacheTable;
}

export type UnitRow = Selectable<UnitsTable>;
export type NewUnit = Insertable<UnitsTable>;
export type UserRow = Selectable<UsersTable>;
export type HolderRow = Selectable<HoldersTable>;
export type PermitRow = Selectable<PermitsTable>;
export type CaseRow = Selectable<CasesTable>;
export type NewCase = Insertable<CasesTable>;
export type CasePatch = Omit<Updateable<CasesTable>, 'id' | 'version' | 'createdAt' | 'createdBy'>;
