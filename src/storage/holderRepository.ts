import { randomUUID } from 'node:crypto';
import type { Kysely, Transaction } from 'kysely';
import { toInstant } from './instant.js';
import { maskIdNumber, maskPhone } from './masking.js';
import type { Database, HolderRow } from './schema.js';

type Db = Kysely<Database> | Transaction<Database>;

/** Permit holders (持证人). Full ID numbers and phones only through `getHolderWithPersonalData`. */

export type HolderSummary = Omit<HolderRow, 'idNumber' | 'phone'>;

export interface NewHolderInput {
  id?: string;
  idNumber: string;
  name: string;
  phone?: string | null;
  birthDate: string;
  now: string;
}

const SUMMARY_COLUMNS = [
  'id',
  'idNumberMasked',
  'name',
  'phoneMasked',
  'birthDate',
  'createdAt',
  'updatedAt',
] as const;

export async function insertHolder(db: Db, input: NewHolderInput): Promise<HolderSummary> {
  const now = toInstant(input.now);
  const phone = input.phone ?? null;
  return db
    .insertInto('holders')
    .values({
      id: input.id ?? randomUUID(),
      idNumber: input.idNumber,
      idNumberMasked: maskIdNumber(input.idNumber),
      name: input.name,
      phone,
      phoneMasked: phone === null ? null : maskPhone(phone),
      birthDate: input.birthDate,
      createdAt: now,
      updatedAt: now,
    })
    .returning(SUMMARY_COLUMNS)
    .executeTakeFirstOrThrow();
}

/** Masked view, for every room. */
export async function getHolder(db: Db, id: string): Promise<HolderSummary | undefined> {
  return db.selectFrom('holders').select(SUMMARY_COLUMNS).where('id', '=', id).executeTakeFirst();
}

/** The holder's date of birth (the age indicator); throws when the holder is missing. */
export async function holderBirthDate(db: Db, id: string): Promise<string> {
  const row = await db
    .selectFrom('holders')
    .select(['birthDate'])
    .where('id', '=', id)
    .executeTakeFirstOrThrow();
  return row.birthDate;
}

/** The holder as a case view shows them: name and masked numbers. */
export async function getHolderCard(db: Db, id: string) {
  return db
    .selectFrom('holders')
    .select(['id', 'name', 'idNumberMasked', 'phoneMasked'])
    .where('id', '=', id)
    .executeTakeFirst();
}

/** Full view, for the roles that need the ID number or the phone (the caller checks the role). */
export async function getHolderWithPersonalData(db: Db, id: string): Promise<HolderRow | undefined> {
  return db.selectFrom('holders').selectAll().where('id', '=', id).executeTakeFirst();
}

/** Resolves registry rows (keyed by ID number) to holder ids. */
export async function holderIdsByIdNumber(
  db: Db,
  idNumbers: readonly string[],
): Promise<Map<string, string>> {
  const out = new Map<string, string>();
  const unique = [...new Set(idNumbers)];
  for (let i = 0; i < unique.length; i += 500) {
    const chunk = unique.slice(i, i + 500);
    const rows = await db
      .selectFrom('holders')
      .select(['id', 'idNumber'])
      .where('idNumber', 'in', chunk)
      .execute();
    for (const r of rows) out.set(r.idNumber, r.id);
  }
  return out;
}

/** The holder's phone for an outbox message (never logged; the message keeps it as its recipient). */
export async function holderPhone(db: Db, id: string): Promise<string | null> {
  const h = await db.selectFrom('holders').select('phone').where('id', '=', id).executeTakeFirst();
  return h?.phone ?? null;
}
