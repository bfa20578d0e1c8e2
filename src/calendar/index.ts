export {
  calendarYearSchema,
  checkCalendarYear,
  type CalendarDay,
  type CalendarSource,
  type CalendarYear,
  type CalendarYearInput,
  type CalendarYearResult,
} from './calendarYearSchema.js';
export { formatCalendarYearYaml } from './formatCalendarYearYaml.js';
export { readCalendarYearFile, readCalendarYears, calendarYearFileName } from './readCalendarYears.js';
export { WorkCalendar, calendarYearMissing } from './WorkCalendar.js';
export { loadWorkCalendar, DEFAULT_CALENDAR_DIR } from './loadWorkCalendar.js';
export {
  addCalendarYear,
  type AddCalendarYearOptions,
  type AddCalendarYearResult,
} from './addCalendarYear.js';
