import type { Executor } from './dialectSpecifics.js';
import type { Database } from './schema.js';

type Db = Executor<Database>;

/** A unit's in-system messages, newest first, with the unread count and the application numbers. */
export async function unitMessagePage(
  db: Db,
  unitId: string,
  page: { limit: number; offset: number; unreadOnly: boolean },
) {
  let base = db.selectFrom('unitMessages').where('unitMessages.unitId', '=', unitId);
  if (page.unreadOnly) base = base.where('unitMessages.readAt', 'is', null);
  const counts = await db
    .selectFrom('unitMessages')
    .select((eb) => [
      eb.fn.countAll<number>().as('total'),
      eb.fn.count<number>('unitMessages.readAt').as('read'),
    ])
    .where('unitMessages.unitId', '=', unitId)
    .executeTakeFirstOrThrow();
  const listed = await base.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
  const items = await base
    .leftJoin('cases', 'cases.id', 'unitMessages.caseId')
    .select([
      'unitMessages.id',
      'unitMessages.kind',
      'unitMessages.caseId',
      'cases.applicationNo',
      'unitMessages.text',
      'unitMessages.createdAt',
      'unitMessages.readAt',
    ])
    .orderBy('unitMessages.createdAt', 'desc')
    .orderBy('unitMessages.id')
    .limit(page.limit)
    .offset(page.offset)
    .execute();
  return {
    total: Number(listed.n),
    unread: Number(counts.total) - Number(counts.read),
    items,
  };
}

/** Marks the unit's messages read (the given ones, or all); returns how many changed. */
export async function markUnitMessagesRead(
  db: Db,
  unitId: string,
  ids: string[] | null,
  now: string,
): Promise<number> {
  let q = db
    .updateTable('unitMessages')
    .set({ readAt: now })
    .where('unitId', '=', unitId)
    .where('readAt', 'is', null);
  if (ids) q = q.where('id', 'in', ids.length ? ids : ['']);
  const r = await q.executeTakeFirst();
  return Number(r.numUpdatedRows);
}

/** The SMS sent to a holder about their cases, newest first, with the delivery status. */
export async function holderSms(db: Db, holderId: string, limit: number) {
  return db
    .selectFrom('outbox')
    .innerJoin('cases', 'cases.id', 'outbox.caseId')
    .select([
      'outbox.id',
      'outbox.caseId',
      'cases.applicationNo',
      'outbox.templateId',
      'outbox.templateVersion',
      'outbox.payload',
      'outbox.status',
      'outbox.createdAt',
      'outbox.sentAt',
      'outbox.deliveredAt',
    ])
    .where('outbox.channel', '=', 'sms')
    .where('cases.holderId', '=', holderId)
    .orderBy('outbox.createdAt', 'desc')
    .orderBy('outbox.id')
    .limit(limit)
    .execute();
}
