import { randomUUID } from 'node:crypto';
import type { Kysely, Transaction } from 'kysely';
import { toInstant } from './instant.js';
import type { Database, UnitMessagesTable } from './schema.js';

type Db = Kysely<Database> | Transaction<Database>;

/** A unit's in-system messages (单位消息), migration 0130. */
export type UnitMessage = UnitMessagesTable;

/** Writes a message once per `dedupKey`; returns false when it was already there (a retried delivery). */
export async function insertUnitMessage(
  db: Db,
  m: Omit<UnitMessage, 'id' | 'readAt' | 'createdAt'> & { now: string },
): Promise<boolean> {
  const result = await db
    .insertInto('unitMessages')
    .values({
      id: randomUUID(),
      unitId: m.unitId,
      caseId: m.caseId,
      kind: m.kind,
      dedupKey: m.dedupKey,
      templateId: m.templateId,
      templateVersion: m.templateVersion,
      text: m.text,
      createdAt: toInstant(m.now),
      readAt: null,
    })
    .onConflict((oc) => oc.column('dedupKey').doNothing())
    .executeTakeFirst();
  return Number(result.numInsertedOrUpdatedRows ?? 0n) > 0;
}

/** Newest first. */
export async function listUnitMessages(db: Db, unitId: string, limit = 100): Promise<UnitMessage[]> {
  return db
    .selectFrom('unitMessages')
    .selectAll()
    .where('unitId', '=', unitId)
    .orderBy('createdAt', 'desc')
    .orderBy('id')
    .limit(limit)
    .execute();
}

/** The SMS sent to the unit's holders about its cases, newest first, with their delivery status (phones masked). */
export async function listUnitSms(db: Db, unitId: string, limit = 100) {
  return db
    .selectFrom('outbox')
    .innerJoin('cases', 'cases.id', 'outbox.caseId')
    .innerJoin('holders', 'holders.id', 'cases.holderId')
    .select([
      'outbox.id',
      'outbox.caseId',
      'outbox.templateId',
      'outbox.templateVersion',
      'outbox.status',
      'outbox.attempts',
      'outbox.lastError',
      'outbox.createdAt',
      'outbox.sentAt',
      'outbox.deliveredAt',
      'outbox.deliveryReportedAt',
      'holders.name as holderName',
      'holders.phoneMasked',
    ])
    .where('cases.unitId', '=', unitId)
    .where('outbox.channel', '=', 'sms')
    .orderBy('outbox.createdAt', 'desc')
    .orderBy('outbox.id')
    .limit(limit)
    .execute();
}
