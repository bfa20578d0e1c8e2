/** The declared case machine: pure, no clock, no I/O (architecture.md: src/workflow). */
export * from './types.js';
export type { WorkdayCalendar } from './WorkdayCalendar.js';
export { fakeWorkdayCalendar, monFriCalendar } from './fakeWorkdayCalendar.js';
export * from './deadlines.js';
export { GUARDS, REMINDER_RULES, reminderKey, type GuardName } from './guards.js';
export { CASE_MACHINE, OPEN_STATES, TERMINAL_STATES, findCaseTransition } from './caseMachine.js';
export { RECONSIDERATION_MACHINE } from './reconsiderationMachine.js';
export type { Allowance, TransitionDef } from './TransitionDef.js';
export { transition, can, hasStanding, inRoom, ROOM_OF_ROLE } from './transition.js';
export { initialSnapshot } from './initialSnapshot.js';
export { caseHeldBy, STATE_HELD_BY, type HeldBy } from './caseHeldBy.js';
export {
  describeMachine,
  type MachineDescription,
  type StateDescription,
  type CommandDescription,
} from './describeMachine.js';
export { STATE_LABELS, COMMAND_LABELS, ROLE_LABELS, ROOM_LABELS, RECONSIDERATION_LABELS } from './labels.js';
