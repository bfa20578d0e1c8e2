import type { Kysely } from 'kysely';
import type { PendingReconsideration } from '../contract/evidence.js';
import { JifenError } from '../shared/errors.js';
import { pendingReconsiderationRows } from '../storage/pendingReconsiderationRows.js';
import type { Database, District } from '../storage/schema.js';
import type { Actor, WorkdayCalendar } from '../workflow/index.js';

/** One row of 复核待处理: the contract's shape (src/contract/evidence.ts). */
export type PendingReconsiderationRow = PendingReconsideration;

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
  const rows = await pendingReconsiderationRows(db, req.district as District);
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
      openFacts: r.openFacts,
      evidenceFiles: r.evidenceFiles,
    };
  });
}
