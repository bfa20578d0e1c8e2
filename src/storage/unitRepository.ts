import { randomUUID } from 'node:crypto';
import type { Kysely, Transaction } from 'kysely';
import { JifenError } from '../shared/errors.js';
import { toInstant } from './instant.js';
import type { Database, District, UnitKind, UnitRegistrationStatus, UnitRow } from './schema.js';

type Db = Kysely<Database> | Transaction<Database>;

/** Employers (用人单位): registration, verification by the district, bar status. */

export interface NewUnitInput {
  id?: string;
  name: string;
  creditCode: string;
  district: District;
  kind: UnitKind;
  registrationStatus?: UnitRegistrationStatus;
  taxStatus?: 'paying' | 'not_paying';
  now: string;
}

export async function insertUnit(db: Db, input: NewUnitInput): Promise<UnitRow> {
  const now = toInstant(input.now);
  return db
    .insertInto('units')
    .values({
      id: input.id ?? randomUUID(),
      name: input.name,
      creditCode: input.creditCode,
      district: input.district,
      kind: input.kind,
      registrationStatus: input.registrationStatus ?? 'registered',
      taxStatus: input.taxStatus ?? 'paying',
      rejectionReason: null,
      barredUntil: null,
      registeredAt: now,
      verifiedAt: null,
      verifiedBy: null,
      createdAt: now,
      updatedAt: now,
    })
    .returningAll()
    .executeTakeFirstOrThrow();
}

export async function getUnit(db: Db, id: string): Promise<UnitRow | undefined> {
  return db.selectFrom('units').selectAll().where('id', '=', id).executeTakeFirst();
}

/** The unit as a case view shows it. */
export async function getUnitCard(db: Db, id: string) {
  return db.selectFrom('units').select(['id', 'name', 'district']).where('id', '=', id).executeTakeFirst();
}

/** Whether any unit is registered (an empty database; also the server's readiness probe). */
export async function hasAnyUnit(db: Db): Promise<boolean> {
  return !!(await db.selectFrom('units').select('id').limit(1).executeTakeFirst());
}

export async function getUnitByCreditCode(db: Db, creditCode: string): Promise<UnitRow | undefined> {
  return db.selectFrom('units').selectAll().where('creditCode', '=', creditCode).executeTakeFirst();
}

/** A clerk of the unit's district verifies the registration or rejects it with a reason. */
export async function setUnitRegistration(
  db: Db,
  id: string,
  change:
    | { status: 'verified'; by: string; now: string }
    | { status: 'rejected'; by: string; reason: string; now: string },
): Promise<UnitRow> {
  const now = toInstant(change.now);
  const row = await db
    .updateTable('units')
    .set({
      registrationStatus: change.status,
      rejectionReason: change.status === 'rejected' ? change.reason : null,
      verifiedAt: change.status === 'verified' ? now : null,
      verifiedBy: change.by,
      updatedAt: now,
    })
    .where('id', '=', id)
    .returningAll()
    .executeTakeFirst();
  if (!row) throw new JifenError('not_found', '单位不存在', [], { unitId: id });
  return row;
}

/** Bars a unit from filing (细则 第十四条: serious false-material cases, 3 years). */
export async function setUnitBarredUntil(
  db: Db,
  id: string,
  barredUntil: string | null,
  now: string,
): Promise<void> {
  const result = await db
    .updateTable('units')
    .set({ barredUntil, updatedAt: toInstant(now) })
    .where('id', '=', id)
    .executeTakeFirst();
  if (result.numUpdatedRows === 0n) throw new JifenError('not_found', '单位不存在', [], { unitId: id });
}

/** A page of a district's units, optionally of one registration status, oldest registration first, and their total. */
export async function listDistrictUnits(
  db: Db,
  q: { district: District; status?: UnitRegistrationStatus | undefined; limit: number; offset: number },
) {
  let base = db.selectFrom('units').where('district', '=', q.district);
  if (q.status) base = base.where('registrationStatus', '=', q.status);
  const total = Number(
    (await base.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n,
  );
  const rows = await base
    .select([
      'id',
      'name',
      'creditCode',
      'district',
      'kind',
      'registrationStatus',
      'rejectionReason',
      'taxStatus',
      'operatingStatus',
      'barredUntil',
      'registeredAt',
      'verifiedAt',
    ])
    .orderBy('registeredAt')
    .orderBy('id')
    .limit(q.limit)
    .offset(q.offset)
    .execute();
  return { total, rows };
}
