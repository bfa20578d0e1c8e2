import type { District } from '../shared/vocabulary.js';
import { COMMAND_TYPES, type CaseState, type CommandType } from '../workflow/types.js';
import type { PenaltyKind, UnitKind } from './schema.js';

/**
 * Every audit event the code writes (issue 13, docs/audit.md "The events"): a
 * closed union keyed by `command`, each with its payload. `appendAuditEvent`
 * takes nothing else, so a misspelt command or a payload field that the event
 * does not declare fails `tsc` instead of landing in the append-only log, where
 * it could never be corrected.
 *
 * Payloads hold ids and codes only, never personal data (workflow.md "Across
 * all of it"; `assertNoPersonalData` refuses ID and phone numbers at run time).
 * Free text is the exception named per field (the officer's reason for
 * revealing an ID number) and is checked like the rest.
 *
 * Payload types are type aliases, not interfaces: the chain and the personal
 * data check read them as plain JSON records.
 */

/** What a case command of the workflow machine wrote (`executeCaseCommand`): one shape for every command. */
export type CaseCommandAuditPayload = {
  /** The case version the command produced. */
  version: number;
  from: CaseState;
  to: CaseState;
  /** The command's payload and the machine's extra facts (`auditDetail`: warnings, computed dates). */
  detail: Record<string, unknown>;
  /** 收件凭证 number, when the command issued one. */
  receiptNo?: string;
  /** The determination the command created, and its total. */
  determinationId?: string;
  total?: number;
};

/** Events about a case outside the machine: they join the case's chain (`caseId` required). */
export type CaseEventPayloads = {
  /** A document printed; `document` is its kind code, `ref` which one of several. */
  print_document: { document: string; ref: string | null };
  /** A holder's web login minted for the case (who: the holder of the case, not named). */
  create_holder_login: { account: 'holder' };
  /** 查看完整证件号: the holder id and the officer's reason (free text, checked), never the number. */
  reveal_identity: { holderId: string; reason: string };
  /** Reconsideration evidence: ids, content type, size, SHA-256; never the file name. */
  upload_evidence: {
    evidenceId: string;
    reconsiderationId: string;
    contentType: string;
    size: number;
    sha256: string;
  };
  download_evidence: { evidenceId: string; sha256: string };
};

/** What an administrator's load of policy data wrote (`admin/policyData.ts`). */
type PolicyLoadPayload = { revisionId: string; subject: string; contentHash: string };

/** Events outside any case: accounts, units, policy data, exports, penalties (`auditSubject` picks the chain). */
export type SubjectEventPayloads = {
  enable_user: { userId: string; role: string };
  /** `tokensRevoked`: how many API tokens the disabling revoked. */
  disable_user: { userId: string; role: string; tokensRevoked: number };
  reset_password: { userId: string; role: string; sessionsEnded: number };
  change_password: { userId: string; wasRequired: boolean };
  register_unit: { unitId: string; district: District; kind: UnitKind };
  verify_unit: { unitId: string; decision: 'verified' | 'rejected' };
  /** One per kind of policy revision (`PolicyRevisionKind`). */
  load_wage_figure: PolicyLoadPayload;
  load_calendar_year: PolicyLoadPayload;
  load_materials_catalogue: PolicyLoadPayload;
  /** A list exported: which list, the screen's filters (codes), how many rows. */
  export_list: {
    list: 'district_queue' | 'unit_cases' | 'city_cases' | 'penalties';
    format: 'xlsx' | 'csv';
    filters: object;
    rows: number;
    capped: boolean;
  };
  /** A penalty: the unit or the holder, the penalty ids and kinds; the reason and basis stay in the penalty rows. */
  record_penalty: {
    party: 'individual' | 'unit';
    unitId?: string;
    holderId?: string;
    relatedCaseId?: string;
    penaltyIds: string[];
    kinds: PenaltyKind[];
    serious: boolean;
    decidedOn: string;
  };
};

export type AuditPayloads = { [K in CommandType]: CaseCommandAuditPayload } & CaseEventPayloads &
  SubjectEventPayloads;

/** The command of every audit event the code writes. */
export type AuditCommand = keyof AuditPayloads;

/** An event's command with its payload; `AuditEventBody<'accept'>` is one event. */
export type AuditEventBody<K extends AuditCommand = AuditCommand> = {
  [C in K]: { command: C; payload: AuditPayloads[C] };
}[K];

/**
 * An event to append: a case's events name their case, the others none. The
 * machine's commands are one member (one payload shape), so that the executor's
 * `command: CommandType` is assignable without a case per command.
 */
export type AuditEventOf =
  | { command: CommandType; caseId: string; payload: CaseCommandAuditPayload }
  | {
      [C in keyof CaseEventPayloads]: { command: C; caseId: string; payload: AuditPayloads[C] };
    }[keyof CaseEventPayloads]
  | {
      [C in keyof SubjectEventPayloads]: { command: C; caseId?: null; payload: AuditPayloads[C] };
    }[keyof SubjectEventPayloads];

/** The commands outside the machine, at run time; `satisfies` keeps the list equal to the types. */
const OTHER_COMMANDS = {
  print_document: true,
  create_holder_login: true,
  reveal_identity: true,
  upload_evidence: true,
  download_evidence: true,
  enable_user: true,
  disable_user: true,
  reset_password: true,
  change_password: true,
  register_unit: true,
  verify_unit: true,
  load_wage_figure: true,
  load_calendar_year: true,
  load_materials_catalogue: true,
  export_list: true,
  record_penalty: true,
} as const satisfies Record<keyof CaseEventPayloads | keyof SubjectEventPayloads, true>;

const AUDIT_COMMANDS: ReadonlySet<string> = new Set<string>([
  ...COMMAND_TYPES,
  ...Object.keys(OTHER_COMMANDS),
]);

export const isAuditCommand = (command: string): command is AuditCommand => AUDIT_COMMANDS.has(command);

/**
 * A stored event narrowed to the union, or null for a command the code no
 * longer writes (old rows stay readable: `AuditEvent` keeps `command: string`).
 * The payload is taken as written (the log is append-only): a reader still
 * checks a field before it trusts it, since an old row may predate the field.
 */
export function knownAuditEvent<E extends { command: string; payload: unknown }>(
  event: E,
): (Omit<E, 'command' | 'payload'> & AuditEventBody) | null {
  return isAuditCommand(event.command) ? (event as Omit<E, 'command' | 'payload'> & AuditEventBody) : null;
}
