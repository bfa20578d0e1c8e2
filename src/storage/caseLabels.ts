import type { Executor } from './dialectSpecifics.js';
import type { Database } from './schema.js';

export interface CaseLabels {
  /** 申请编号 (applicationNumbers.ts); null only for a row outside the workflow. */
  applicationNo: string | null;
  /** 持证人姓名: lists name people, never by their internal id (issue 15). */
  holderName: string | null;
  /** 单位名称. */
  unitName: string | null;
}

/**
 * Adds what a person reads in a list — the application number, the holder's
 * name and the unit's name — to list items that carry a case id, in one query
 * by primary key for the whole page.
 */
export async function withCaseLabels<T extends { caseId: string }>(
  db: Executor<Database>,
  items: T[],
): Promise<Array<T & CaseLabels>> {
  if (items.length === 0) return [];
  const ids = [...new Set(items.map((i) => i.caseId))];
  const rows = await db
    .selectFrom('cases')
    .innerJoin('holders', 'holders.id', 'cases.holderId')
    .innerJoin('units', 'units.id', 'cases.unitId')
    .select(['cases.id', 'cases.applicationNo', 'holders.name as holderName', 'units.name as unitName'])
    .where('cases.id', 'in', ids)
    .execute();
  const byId = new Map(rows.map((r) => [r.id, r]));
  return items.map((i) => {
    const r = byId.get(i.caseId);
    return {
      ...i,
      applicationNo: r?.applicationNo ?? null,
      holderName: r?.holderName ?? null,
      unitName: r?.unitName ?? null,
    };
  });
}
