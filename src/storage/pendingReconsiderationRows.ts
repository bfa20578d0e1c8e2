import type { Executor } from './dialectSpecifics.js';
import type { Database, District } from './schema.js';

/**
 * The district-level reconsideration requests still pending in a district (复核待处理), by
 * their stored deadline then request time, at most 500: with the case number, the holder's
 * and the unit's names, the facts still open and the evidence files attached.
 */
export async function pendingReconsiderationRows(db: Executor<Database>, district: District) {
  const rows = await db
    .selectFrom('reconsiderations as r')
    .innerJoin('cases as c', 'c.id', 'r.caseId')
    .innerJoin('holders as h', 'h.id', 'c.holderId')
    .innerJoin('units as u', 'u.id', 'c.unitId')
    .select((eb) => [
      'r.caseId as caseId',
      'c.applicationNo as applicationNo',
      'h.name as holderName',
      'u.name as unitName',
      'r.requestedAt as requestedAt',
      'r.dueDate as dueDate',
      eb
        .selectFrom('reconsiderationFacts as f')
        .select((x) => x.fn.countAll<number>().as('n'))
        .whereRef('f.reconsiderationId', '=', 'r.id')
        .where('f.status', '=', 'open')
        .as('openFacts'),
      eb
        .selectFrom('evidenceFiles as e')
        .select((x) => x.fn.countAll<number>().as('n'))
        .whereRef('e.reconsiderationId', '=', 'r.id')
        .as('evidenceFiles'),
    ])
    .where('c.district', '=', district)
    .where('r.level', '=', 'district')
    .where('r.status', '=', 'requested')
    .orderBy('r.dueDate')
    .orderBy('r.requestedAt')
    .limit(500)
    .execute();
  return rows.map((r) => ({
    ...r,
    openFacts: Number(r.openFacts ?? 0),
    evidenceFiles: Number(r.evidenceFiles ?? 0),
  }));
}
