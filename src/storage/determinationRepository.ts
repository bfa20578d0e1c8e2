import { randomBytes, randomUUID } from 'node:crypto';
import type { Kysely, Selectable, Transaction } from 'kysely';
import { JifenError } from '../shared/errors.js';
import { classifyDbError, specificsOf } from './dialectSpecifics.js';
import { toInstant } from './instant.js';
import type { Database, DeterminationReason, DeterminationsTable } from './schema.js';

type Db = Kysely<Database> | Transaction<Database>;

/**
 * Determinations (核定) are immutable and versioned: each new one (adjustment,
 * reconsideration, correction, confirmation) gets the next sequence number and
 * supersedes the latest; none is ever updated or deleted (细则 第九条; the
 * table refuses UPDATE and DELETE). They freeze the engine result, its
 * explanation and the rules version in force on the acceptance date.
 */

export interface Determination {
  id: string;
  caseId: string;
  sequence: number;
  supersedes: string | null;
  reason: DeterminationReason;
  rulesVersion: string;
  acceptanceDate: string;
  total: number;
  result: unknown;
  explanation: unknown;
  /** Printed on the 积分通知书; anyone can check it online. */
  verificationCode: string;
  decidedBy: string;
  decidedAt: string;
}

export interface NewDetermination {
  id?: string;
  caseId: string;
  reason: DeterminationReason;
  rulesVersion: string;
  acceptanceDate: string;
  total: number;
  result: unknown;
  explanation: unknown;
  decidedBy: string;
  decidedAt: string;
}

// Crockford base32 without I, L, O, U: easy to read aloud and type from paper.
const ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
/**
 * 16 symbols of 5 random bits each (crypto RNG; 256 is a multiple of 32, so
 * `b % 32` is uniform): 80 bits, far beyond enumeration through the throttled
 * public lookup. Codes issued earlier with 12 symbols stay valid.
 */
export function newVerificationCode(): string {
  return [...randomBytes(16)].map((b) => ALPHABET[b % 32]).join('');
}

function toDetermination(db: Db, row: Selectable<DeterminationsTable>): Determination {
  const s = specificsOf(db);
  return { ...row, result: s.readJson(row.result), explanation: s.readJson(row.explanation) };
}

export async function insertDetermination(tx: Db, d: NewDetermination): Promise<Determination> {
  const s = specificsOf(tx);
  const latest = await tx
    .selectFrom('determinations')
    .select(['id', 'sequence'])
    .where('caseId', '=', d.caseId)
    .orderBy('sequence', 'desc')
    .limit(1)
    .executeTakeFirst();
  try {
    const row = await tx
      .insertInto('determinations')
      .values({
        id: d.id ?? randomUUID(),
        caseId: d.caseId,
        sequence: (latest?.sequence ?? 0) + 1,
        supersedes: latest?.id ?? null,
        reason: d.reason,
        rulesVersion: d.rulesVersion,
        acceptanceDate: d.acceptanceDate,
        total: d.total,
        result: s.json(d.result),
        explanation: s.json(d.explanation),
        verificationCode: newVerificationCode(),
        decidedBy: d.decidedBy,
        decidedAt: toInstant(d.decidedAt),
      })
      .returningAll()
      .executeTakeFirstOrThrow();
    return toDetermination(tx, row);
  } catch (error) {
    if (classifyDbError(error) === 'unique_violation') {
      throw new JifenError('conflict', '该申请的核定结果已被他人更新，请刷新后重试', [], {
        caseId: d.caseId,
      });
    }
    throw error;
  }
}

/** The determination in force: the latest of the case. */
export async function getCurrentDetermination(db: Db, caseId: string): Promise<Determination | undefined> {
  const row = await db
    .selectFrom('determinations')
    .selectAll()
    .where('caseId', '=', caseId)
    .orderBy('sequence', 'desc')
    .limit(1)
    .executeTakeFirst();
  return row && toDetermination(db, row);
}

export async function listDeterminations(db: Db, caseId: string): Promise<Determination[]> {
  const rows = await db
    .selectFrom('determinations')
    .selectAll()
    .where('caseId', '=', caseId)
    .orderBy('sequence')
    .execute();
  return rows.map((r) => toDetermination(db, r));
}

export async function getDeterminationByVerificationCode(
  db: Db,
  code: string,
): Promise<Determination | undefined> {
  const row = await db
    .selectFrom('determinations')
    .selectAll()
    .where('verificationCode', '=', code.trim().toUpperCase())
    .executeTakeFirst();
  return row && toDetermination(db, row);
}

/** The id of a case's determination by its sequence. */
export async function determinationIdBySequence(
  db: Db,
  caseId: string,
  sequence: number,
): Promise<string | undefined> {
  const row = await db
    .selectFrom('determinations')
    .select('id')
    .where('caseId', '=', caseId)
    .where('sequence', '=', sequence)
    .executeTakeFirst();
  return row?.id;
}
