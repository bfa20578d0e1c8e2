/**
 * Every deadline of the case life cycle, as pure functions over the working-day
 * calendar. Counting rule throughout (民法典 第二百零一条, and the way 细则 第七条
 * "20个工作日内" is read by the 人才服务中心): the day of the triggering event is
 * not counted; the n-th working day after it is the last day of the period (for
 * a time limit) or the first day something becomes due (for a reminder).
 */
import { addDays, isoToDayNumber } from '../shared/dates.js';
import type { WorkdayCalendar } from './WorkdayCalendar.js';

/** 细则 第七条: 区人社局在20个工作日内进行积分核定. */
export const DETERMINATION_WORKDAYS = 20;
/** docs/spec/workflow.md Decision: district reconsideration decided within 20 working days. */
export const RECONSIDERATION_WORKDAYS = 20;
/** docs/spec/workflow.md Decision: the unit is reminded after 10 working days in 等待受理. */
export const ACCEPTANCE_REMINDER_WORKDAYS = 10;
/** docs/spec/workflow.md Decision: after 30 working days in 等待受理 the case shows as stale. */
export const ACCEPTANCE_STALE_WORKDAYS = 30;
/** docs/spec/workflow.md: holder and unit are reminded 30 (calendar) days before the permit lapses. */
export const PERMIT_EXPIRY_REMINDER_DAYS = 30;
/** 申办流程 第5步 / docs/spec/rules.md §6: 领取居住证3个工作日后 the unit may create the points account. */
export const ACCOUNT_CREATION_WORKDAYS = 3;

/**
 * The first day on which the unit may create the holder's points account: the
 * 3rd working day after the permit was issued (docs/spec/rules.md §6 "only from the 3rd
 * working day after the permit was issued"). The issue day is not counted even
 * when it is a working day, because the permit data reach the points system
 * only after the day's registry transfer (申办流程: "为保证居住证数据传送").
 * Issued Monday → allowed from Thursday; issued Friday → from Wednesday.
 */
export function accountCreationAllowedFrom(cal: WorkdayCalendar, permitIssuedOn: string): string {
  return cal.addWorkdays(permitIssuedOn, ACCOUNT_CREATION_WORKDAYS);
}

/** Whether a points account may be created on `today`. */
export function accountCreationAllowed(cal: WorkdayCalendar, permitIssuedOn: string, today: string): boolean {
  return isoToDayNumber(today) >= isoToDayNumber(accountCreationAllowedFrom(cal, permitIssuedOn));
}

/**
 * The last day for the determination (细则 第七条): the 20th working day after
 * verification, moved by the working days during which an item was referred to
 * a competent authority (细则 第六条 "提请主管部门或专门机构进行核实": the clock is
 * paused while the case is not in the district's hands).
 */
export function determinationDue(cal: WorkdayCalendar, verifiedOn: string, pausedWorkdays = 0): string {
  if (!Number.isSafeInteger(pausedWorkdays) || pausedWorkdays < 0) {
    throw new RangeError(`暂停的工作日数应为非负整数: ${pausedWorkdays}`);
  }
  return cal.addWorkdays(verifiedOn, DETERMINATION_WORKDAYS + pausedWorkdays);
}

/**
 * Working days paused by a referral opened on `since` and settled on `until`:
 * the working days d with since < d ≤ until. The opening day was already a day
 * of the district's clock; the settling day is not (the answer arrives that day).
 * A referral opened and settled on the same day pauses nothing.
 */
export function pausedWorkdays(cal: WorkdayCalendar, since: string, until: string): number {
  return Math.max(0, cal.workdaysBetween(since, until));
}

/** The day the unit is reminded that the case still waits at the counter (等待受理). */
export function acceptanceReminderOn(cal: WorkdayCalendar, submittedOn: string): string {
  return cal.addWorkdays(submittedOn, ACCEPTANCE_REMINDER_WORKDAYS);
}

/** The day the case shows as stale on the district dashboard. */
export function acceptanceStaleOn(cal: WorkdayCalendar, submittedOn: string): string {
  return cal.addWorkdays(submittedOn, ACCEPTANCE_STALE_WORKDAYS);
}

/** Working days a case has waited since `since` (the day itself not counted). */
export function waitingWorkdays(cal: WorkdayCalendar, since: string, today: string): number {
  return Math.max(0, cal.workdaysBetween(since, today));
}

/** Calendar days, not working days: the reminder 30 days before the permit lapses. */
export function permitExpiryReminderOn(permitValidUntil: string): string {
  return addDays(permitValidUntil, -PERMIT_EXPIRY_REMINDER_DAYS);
}

/**
 * 细则 第十一条: 签注过期，积分失效. The permit is valid through `validUntil`; the
 * points lapse on the next day.
 */
export function permitLapsesOn(permitValidUntil: string): string {
  return addDays(permitValidUntil, 1);
}

/** Last day for a reconsideration decision (docs/spec/workflow.md Decision: 20 working days). */
export function reconsiderationDue(cal: WorkdayCalendar, requestedOn: string): string {
  return cal.addWorkdays(requestedOn, RECONSIDERATION_WORKDAYS);
}

/** A time limit is breached once `today` is after its last day. */
export const isOverdue = (due: string, today: string): boolean => isoToDayNumber(today) > isoToDayNumber(due);

/** A reminder or a start date is reached on its day. */
export const isReached = (on: string, today: string): boolean => isoToDayNumber(today) >= isoToDayNumber(on);
