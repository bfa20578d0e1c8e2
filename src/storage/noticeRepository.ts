import { randomUUID } from 'node:crypto';
import type { Kysely, Transaction } from 'kysely';
import { JifenError } from '../shared/errors.js';
import { classifyDbError, specificsOf } from './dialectSpecifics.js';
import { toInstant } from './instant.js';
import type { Database } from './schema.js';

type Db = Kysely<Database> | Transaction<Database>;

/** Documents issued at the counter: the 收件凭证 (receipt) and the 一次性告知单 (one-time notice). */

export interface ReceiptItem {
  code: string;
  label: string;
}
export interface NoticeItem {
  code: string;
  label: string;
  /** Missing or defective, and why: every item in one notice (细则 第五条 当场一次性告知). */
  reason: string;
}

export async function insertReceipt(
  db: Db,
  r: { caseId: string; receiptNo: string; items: ReceiptItem[]; issuedBy: string; issuedAt: string },
) {
  const row = await db
    .insertInto('receipts')
    .values({
      id: randomUUID(),
      caseId: r.caseId,
      receiptNo: r.receiptNo,
      items: specificsOf(db).json(r.items),
      issuedBy: r.issuedBy,
      issuedAt: toInstant(r.issuedAt),
    })
    .returningAll()
    .executeTakeFirstOrThrow();
  return { ...row, items: specificsOf(db).readJson<ReceiptItem[]>(row.items) };
}

export async function listReceipts(db: Db, caseId: string) {
  const rows = await db
    .selectFrom('receipts')
    .selectAll()
    .where('caseId', '=', caseId)
    .orderBy('issuedAt')
    .execute();
  return rows.map((r) => ({ ...r, items: specificsOf(db).readJson<ReceiptItem[]>(r.items) }));
}

/** Issues the next one-time notice of the case (sequence 1, 2, …). */
export async function insertOneTimeNotice(
  db: Db,
  n: {
    caseId: string;
    items: NoticeItem[];
    overrideReason?: string | null;
    issuedBy: string;
    issuedAt: string;
  },
) {
  const s = specificsOf(db);
  const last = await db
    .selectFrom('oneTimeNotices')
    .select('sequence')
    .where('caseId', '=', n.caseId)
    .orderBy('sequence', 'desc')
    .limit(1)
    .executeTakeFirst();
  try {
    const row = await db
      .insertInto('oneTimeNotices')
      .values({
        id: randomUUID(),
        caseId: n.caseId,
        sequence: (last?.sequence ?? 0) + 1,
        items: s.json(n.items),
        overrideReason: n.overrideReason ?? null,
        issuedBy: n.issuedBy,
        issuedAt: toInstant(n.issuedAt),
      })
      .returningAll()
      .executeTakeFirstOrThrow();
    return { ...row, items: s.readJson<NoticeItem[]>(row.items) };
  } catch (error) {
    if (classifyDbError(error) === 'unique_violation') {
      throw new JifenError('conflict', '该申请已被他人更新，请刷新后重试', [], { caseId: n.caseId });
    }
    throw error;
  }
}

export async function listOneTimeNotices(db: Db, caseId: string) {
  const rows = await db
    .selectFrom('oneTimeNotices')
    .selectAll()
    .where('caseId', '=', caseId)
    .orderBy('sequence')
    .execute();
  return rows.map((r) => ({ ...r, items: specificsOf(db).readJson<NoticeItem[]>(r.items) }));
}
