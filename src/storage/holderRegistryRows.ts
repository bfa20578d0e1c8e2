import { readBool, type Executor } from './dialectSpecifics.js';
import type { Database } from './schema.js';

/**
 * What the registries hold about one holder, as the workspaces show it (masked): the
 * holder, the permit issued last, the insured months up to `month` (YYYY-MM), the last
 * 12 tax months, the education verifications and the household records. Undefined when
 * the holder is unknown.
 */
export async function holderRegistryRows(db: Executor<Database>, holderId: string, month: string) {
  const holder = await db
    .selectFrom('holders')
    .select(['id', 'name', 'idNumberMasked', 'phoneMasked', 'birthDate'])
    .where('id', '=', holderId)
    .executeTakeFirst();
  if (!holder) return undefined;
  const permit = await db
    .selectFrom('permits')
    .select(['permitNo', 'issuedOn', 'validUntil', 'endorsedUntil', 'status', 'cancelledOn'])
    .where('holderId', '=', holderId)
    .orderBy('issuedOn', 'desc')
    .limit(1)
    .executeTakeFirst();
  const months = await db
    .selectFrom('insuranceMonths')
    .select(['month', 'baseFen', 'unitCreditCode', 'backPaid'])
    .where('holderId', '=', holderId)
    .where('month', '<=', month)
    .orderBy('month')
    .execute();
  const tax = await db
    .selectFrom('taxRecords')
    .select(['month', 'incomeFen', 'taxFen'])
    .where('holderId', '=', holderId)
    .orderBy('month', 'desc')
    .limit(12)
    .execute();
  const education = await db
    .selectFrom('educationVerifications')
    .select([
      'certificateNo',
      'level',
      'degree',
      'fullTime',
      'foreignDegree',
      'result',
      'verifiedOn',
      'majorName',
    ])
    .where('holderId', '=', holderId)
    .orderBy('verifiedOn')
    .execute();
  const household = await db
    .selectFrom('householdRecords')
    .select(['recordType', 'eventDate'])
    .where('holderId', '=', holderId)
    .orderBy('eventDate')
    .execute();
  return {
    holder,
    permit,
    months: months.map((m) => ({ ...m, baseFen: Number(m.baseFen), backPaid: readBool(m.backPaid) })),
    tax: tax.map((t) => ({ month: t.month, incomeFen: Number(t.incomeFen), taxFen: Number(t.taxFen) })),
    education: education.map((e) => ({
      ...e,
      degree: readBool(e.degree),
      fullTime: readBool(e.fullTime),
      foreignDegree: readBool(e.foreignDegree),
    })),
    household,
  };
}
