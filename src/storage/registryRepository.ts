import type { Kysely, Transaction } from 'kysely';
import { readBool } from './dialectSpecifics.js';
import type { Database, HouseholdRecordType } from './schema.js';

type Db = Kysely<Database> | Transaction<Database>;

/** Read side of the registry feeds: what an application pulls in instead of retyping (docs/spec/workflow.md "draft"). */

export async function listInsuranceMonths(
  db: Db,
  holderId: string,
  range: { from?: string; to?: string } = {},
) {
  let q = db
    .selectFrom('insuranceMonths')
    .select(['month', 'baseFen', 'unitCreditCode', 'backPaid'])
    .where('holderId', '=', holderId);
  if (range.from) q = q.where('month', '>=', range.from);
  if (range.to) q = q.where('month', '<=', range.to);
  const rows = await q.orderBy('month').execute();
  return rows.map((r) => ({ ...r, backPaid: readBool(r.backPaid) }));
}

export async function listTaxRecords(db: Db, holderId: string) {
  return db
    .selectFrom('taxRecords')
    .select(['month', 'payerCreditCode', 'incomeFen', 'taxFen'])
    .where('holderId', '=', holderId)
    .orderBy('month')
    .orderBy('payerCreditCode')
    .execute();
}

export async function listHouseholdRecords(db: Db, holderId: string, range: { to?: string } = {}) {
  return db
    .selectFrom('householdRecords')
    .select(['recordType', 'eventDate', 'detail'])
    .where('holderId', '=', holderId)
    .$if(range.to !== undefined, (q) => q.where('eventDate', '<=', range.to!))
    .orderBy('eventDate')
    .orderBy('recordType')
    .execute();
}

/** Household events of one holder as the registry feed delivers them (the demo world seeds its marriages so). */
export async function insertHouseholdRecords(
  db: Db,
  holderId: string,
  records: { recordType: HouseholdRecordType; eventDate: string; detail?: string | null }[],
  importedAt: string,
): Promise<void> {
  if (records.length === 0) return;
  await db
    .insertInto('householdRecords')
    .values(records.map((r) => ({ holderId, ...r, detail: r.detail ?? null, importedAt })))
    .execute();
}

export async function listEducationVerifications(db: Db, holderId: string) {
  const rows = await db
    .selectFrom('educationVerifications')
    .select([
      'certificateNo',
      'level',
      'degree',
      'fullTime',
      'foreignDegree',
      'recognized',
      'result',
      'verifiedOn',
      'majorCode',
      'majorName',
    ])
    .where('holderId', '=', holderId)
    .orderBy('certificateNo')
    .execute();
  return rows.map((r) => ({
    ...r,
    degree: readBool(r.degree),
    fullTime: readBool(r.fullTime),
    foreignDegree: readBool(r.foreignDegree),
    recognized: readBool(r.recognized),
  }));
}

/** The holder's verified education records as of `onOrBefore` (what the engine may score). */
export async function listVerifiedEducation(db: Db, holderId: string, onOrBefore: string) {
  const rows = await db
    .selectFrom('educationVerifications')
    .selectAll()
    .where('holderId', '=', holderId)
    .where('result', '=', 'verified')
    .where('verifiedOn', '<=', onOrBefore)
    .execute();
  return rows.map((r) => ({
    ...r,
    degree: readBool(r.degree),
    fullTime: readBool(r.fullTime),
    foreignDegree: readBool(r.foreignDegree),
    recognized: readBool(r.recognized),
  }));
}

/**
 * The credit code of the unit that paid the holder's latest insured month up to `month` (YYYY-MM),
 * or null when the holder has no insured month by then.
 */
export async function latestInsuringUnit(db: Db, holderId: string, month: string): Promise<string | null> {
  const row = await db
    .selectFrom('insuranceMonths')
    .select('unitCreditCode')
    .where('holderId', '=', holderId)
    .where('month', '<=', month)
    .orderBy('month', 'desc')
    .limit(1)
    .executeTakeFirst();
  return row?.unitCreditCode ?? null;
}
