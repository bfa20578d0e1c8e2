import { randomUUID } from 'node:crypto';
import type { Kysely, Selectable, Transaction } from 'kysely';
import { JifenError } from '../shared/errors.js';
import { specificsOf } from './dialectSpecifics.js';
import { toInstant } from './instant.js';
import type { Database, ReconsiderationsTable } from './schema.js';

type Db = Kysely<Database> | Transaction<Database>;

/** 复核 (细则 第十二条): first at the acceptance district, then at the city. Each decision is a document. */

function toRecord(db: Db, row: Selectable<ReconsiderationsTable>) {
  return {
    ...row,
    decisionDocument: specificsOf(db).readJson(row.decisionDocument),
    disputed:
      row.disputed === null || row.disputed === undefined
        ? null
        : specificsOf(db).readJson<{ indicator?: string; statement: string }[]>(row.disputed),
  };
}

export async function insertReconsideration(
  db: Db,
  r: {
    id?: string;
    caseId: string;
    determinationId: string;
    level: 'district' | 'city';
    previousId?: string | null;
    requestedBy: string;
    grounds: string;
    dueDate?: string | null;
    /** What is disputed, per item where possible (issue 15). */
    disputed?: { indicator?: string; statement: string }[];
    now: string;
  },
) {
  const now = toInstant(r.now);
  const row = await db
    .insertInto('reconsiderations')
    .values({
      id: r.id ?? randomUUID(),
      caseId: r.caseId,
      determinationId: r.determinationId,
      level: r.level,
      previousId: r.previousId ?? null,
      status: 'requested',
      requestedBy: r.requestedBy,
      requestedAt: now,
      grounds: r.grounds,
      dueDate: r.dueDate ?? null,
      decidedBy: null,
      decidedAt: null,
      outcome: null,
      decisionDocument: null,
      newDeterminationId: null,
      disputed: r.disputed ? specificsOf(db).json(r.disputed) : null,
      createdAt: now,
      updatedAt: now,
    })
    .returningAll()
    .executeTakeFirstOrThrow();
  return toRecord(db, row);
}

/** Decides a pending request; a request can be decided once. */
export async function decideReconsideration(
  db: Db,
  id: string,
  d: {
    outcome: 'upheld' | 'changed';
    document: unknown;
    decidedBy: string;
    newDeterminationId?: string | null;
    now: string;
  },
) {
  const now = toInstant(d.now);
  const row = await db
    .updateTable('reconsiderations')
    .set({
      status: 'decided',
      outcome: d.outcome,
      decisionDocument: specificsOf(db).json(d.document),
      decidedBy: d.decidedBy,
      decidedAt: now,
      newDeterminationId: d.newDeterminationId ?? null,
      updatedAt: now,
    })
    .where('id', '=', id)
    .where('status', '=', 'requested')
    .returningAll()
    .executeTakeFirst();
  if (!row) throw new JifenError('conflict', '该复核申请已处理或不存在', [], { reconsiderationId: id });
  return toRecord(db, row);
}

export async function listReconsiderations(db: Db, caseId: string) {
  const rows = await db
    .selectFrom('reconsiderations')
    .selectAll()
    .where('caseId', '=', caseId)
    .orderBy('requestedAt')
    .execute();
  return rows.map((r) => toRecord(db, r));
}

/** The latest reconsideration of a level (the city level links the district one it follows). */
export async function latestReconsiderationId(
  db: Db,
  caseId: string,
  level: 'district' | 'city',
  status?: 'requested',
): Promise<string | undefined> {
  let q = db
    .selectFrom('reconsiderations')
    .select('id')
    .where('caseId', '=', caseId)
    .where('level', '=', level);
  if (status) q = q.where('status', '=', status);
  const row = await q.orderBy('requestedAt', 'desc').limit(1).executeTakeFirst();
  return row?.id;
}

/** The pending request (status `requested`, any level) the case's evidence and reviewed facts belong to: the latest one. */
export async function pendingReconsiderationId(db: Db, caseId: string): Promise<string | undefined> {
  const row = await db
    .selectFrom('reconsiderations')
    .select('id')
    .where('caseId', '=', caseId)
    .where('status', '=', 'requested')
    .orderBy('requestedAt', 'desc')
    .limit(1)
    .executeTakeFirst();
  return row?.id;
}
