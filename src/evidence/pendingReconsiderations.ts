import type { Kysely } from 'kysely';
import { JifenError } from '../shared/errors.js';
import type { Database } from '../storage/schema.js';
import type { Actor, WorkdayCalendar } from '../workflow/index.js';

export interface PendingReconsiderationRow {
  caseId: string;
  applicationNo: string | null;
  holderName: string;
  unitName: string;
  requestedAt: string;
  /** The stored deadline (20 working days, workflow/deadlines.ts reconsiderationDue). */
  dueDate: string | null;
  /** Working days until the deadline (0 on or after it). */
  workdaysLeft: number;
  /** Working days past the deadline (0 until it has passed). */
  overdueWorkdays: number;
  /** Facts added in the request still waiting for the reviewer. */
  openFacts: number;
  evidenceFiles: number;
}

/**
 * 复核待处理 (issue 15): the district's pending reconsideration requests, the
 * most urgent first (by the stored deadline), with the working days left or
 * overdue from the calendar data — a request weeks past its deadline is at
 * the top, never hidden. District officers see their district; the city all.
 */
export async function pendingReconsiderations(
  db: Kysely<Database>,
  req: { actor: Actor; district: string; today: string; calendar: WorkdayCalendar },
): Promise<PendingReconsiderationRow[]> {
  const { actor } = req;
  const officer =
    ['district_reviewer', 'district_approver'].includes(actor.role) && actor.district === req.district;
  if (!officer && actor.role !== 'city_supervisor')
    throw new JifenError('forbidden', '无权查看该区的案件', [], { role: actor.role, reason: 'room' });
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
    .where('c.district', '=', req.district as never)
    .where('r.level', '=', 'district')
    .where('r.status', '=', 'requested')
    .orderBy('r.dueDate')
    .orderBy('r.requestedAt')
    .limit(500)
    .execute();
  return rows.map((r) => {
    const due = r.dueDate;
    const overdue = due !== null && req.today > due ? req.calendar.workdaysBetween(due, req.today) : 0;
    const left = due !== null && req.today <= due ? req.calendar.workdaysBetween(req.today, due) : 0;
    return {
      caseId: r.caseId,
      applicationNo: r.applicationNo,
      holderName: r.holderName,
      unitName: r.unitName,
      requestedAt: r.requestedAt,
      dueDate: due,
      workdaysLeft: left,
      overdueWorkdays: overdue,
      openFacts: Number(r.openFacts ?? 0),
      evidenceFiles: Number(r.evidenceFiles ?? 0),
    };
  });
}
