/**
 * The vocabulary of the use-case layer (issue 4): transport-free requests that the
 * CLI, the HTTP API and the tests build the same way. Time is always an argument.
 */
import type { Kysely } from 'kysely';
import type { PolicyData } from '../policy/PolicyData.js';
import type { Database } from '../storage/schema.js';
import type { Actor, CaseState } from '../workflow/index.js';

export type Db = Kysely<Database>;

/** What every command on an existing case carries besides its own input. */
export interface CommandRequest<I> {
  /** The named user acting. For a holder, `actor.id` is the holder id (workflow room `own_case`). */
  actor: Actor;
  caseId: string;
  /** The version the user saw; a different current version is a `conflict` (no lost update). */
  expectedVersion?: number;
  /** Scoped to the actor: the same key with the same request has its effect once. */
  idempotencyKey: string;
  /** ISO instant of the command. */
  now: string;
  /** The Asia/Shanghai calendar date of `now` (YYYY-MM-DD). */
  today: string;
  input: I;
}

/**
 * The policy snapshot a use case reads (src/policy/PolicyData.ts), passed explicitly
 * by the caller (the server's current snapshot, the CLI's, a test's): never read from
 * disk here, so a command and the simulator use the same data.
 */
export type CaseDeps = Pick<PolicyData, 'rules' | 'calendar' | 'catalogue' | 'templates' | 'fonts'>;

export interface CaseCommandResult {
  caseId: string;
  /** The case's version after the command (send it back as `expectedVersion`). */
  version: number;
  state: CaseState;
  /** True when an earlier identical request (same idempotency key) was replayed. */
  replayed: boolean;
  /** Documents the command produced (receipt number, notice sequence, determination …). */
  documents: CommandDocuments;
  /** Non-blocking warnings (e.g. simulated total below 120 at submission). */
  warnings: string[];
}

export interface CommandDocuments {
  receiptNo?: string;
  noticeSeq?: number;
  determination?: {
    id: string;
    sequence: number;
    total: number;
    verificationCode: string;
    rulesVersion: string;
  };
  reconsiderationId?: string;
  reminders?: string[];
  messageIds?: string[];
}
