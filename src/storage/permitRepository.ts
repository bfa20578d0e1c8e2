import { randomUUID } from 'node:crypto';
import type { Kysely, Transaction } from 'kysely';
import { JifenError } from '../shared/errors.js';
import { toInstant } from './instant.js';
import type { Database, PermitRow } from './schema.js';

type Db = Kysely<Database> | Transaction<Database>;

/** Residence permits: points are valid as long as the permit (细则 第十条, 第十一条). */

export interface NewPermitInput {
  id?: string;
  holderId: string;
  permitNo: string;
  issuedOn: string;
  validUntil: string;
  endorsedUntil: string;
  now: string;
}

export async function insertPermit(db: Db, input: NewPermitInput): Promise<PermitRow> {
  const now = toInstant(input.now);
  return db
    .insertInto('permits')
    .values({
      id: input.id ?? randomUUID(),
      holderId: input.holderId,
      permitNo: input.permitNo,
      issuedOn: input.issuedOn,
      validUntil: input.validUntil,
      endorsedUntil: input.endorsedUntil,
      status: 'active',
      cancelledOn: null,
      createdAt: now,
      updatedAt: now,
    })
    .returningAll()
    .executeTakeFirstOrThrow();
}

/** The holder's current permit: the active one issued last, else the last one. */
export async function getCurrentPermit(db: Db, holderId: string): Promise<PermitRow | undefined> {
  return db
    .selectFrom('permits')
    .selectAll()
    .where('holderId', '=', holderId)
    .orderBy((eb) => eb.case().when('status', '=', 'active').then(0).else(1).end())
    .orderBy('issuedOn', 'desc')
    .limit(1)
    .executeTakeFirst();
}

/** 签注: the endorsement runs to a new date. */
export async function endorsePermit(
  db: Db,
  id: string,
  endorsedUntil: string,
  now: string,
): Promise<PermitRow> {
  const row = await db
    .updateTable('permits')
    .set({ endorsedUntil, updatedAt: toInstant(now) })
    .where('id', '=', id)
    .where('status', '=', 'active')
    .returningAll()
    .executeTakeFirst();
  if (!row) throw new JifenError('not_found', '居住证不存在或已注销', [], { permitId: id });
  return row;
}

export async function cancelPermit(db: Db, id: string, cancelledOn: string, now: string): Promise<PermitRow> {
  const row = await db
    .updateTable('permits')
    .set({ status: 'cancelled', cancelledOn, updatedAt: toInstant(now) })
    .where('id', '=', id)
    .where('status', '=', 'active')
    .returningAll()
    .executeTakeFirst();
  if (!row) throw new JifenError('not_found', '居住证不存在或已注销', [], { permitId: id });
  return row;
}

/** The permit a case was filed with (the sweep compares its dates with the case's). */
export async function getPermitOfCase(
  db: Db,
  caseId: string,
): Promise<Pick<PermitRow, 'status' | 'endorsedUntil' | 'validUntil' | 'cancelledOn'> | undefined> {
  return db
    .selectFrom('cases')
    .innerJoin('permits', 'permits.id', 'cases.permitId')
    .select(['permits.status', 'permits.endorsedUntil', 'permits.validUntil', 'permits.cancelledOn'])
    .where('cases.id', '=', caseId)
    .executeTakeFirst();
}

/** A permit by id. */
export async function getPermit(db: Db, id: string): Promise<PermitRow | undefined> {
  return db.selectFrom('permits').selectAll().where('id', '=', id).executeTakeFirst();
}

/** The holder's permit issued last, whatever its status. */
export async function getLatestIssuedPermit(db: Db, holderId: string): Promise<PermitRow | undefined> {
  return db
    .selectFrom('permits')
    .selectAll()
    .where('holderId', '=', holderId)
    .orderBy('issuedOn', 'desc')
    .limit(1)
    .executeTakeFirst();
}

/** Sweep input: active permits whose endorsement ends on or before `onOrBefore`. */
export async function listPermitsEndingOnOrBefore(
  db: Db,
  q: { onOrBefore: string; limit: number; afterId?: string },
): Promise<PermitRow[]> {
  let query = db
    .selectFrom('permits')
    .selectAll()
    .where('status', '=', 'active')
    .where('endorsedUntil', '<=', q.onOrBefore);
  if (q.afterId) query = query.where('id', '>', q.afterId);
  return query.orderBy('id').limit(q.limit).execute();
}
