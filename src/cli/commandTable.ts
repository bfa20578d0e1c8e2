/**
 * Which module defines each top-level command. `main.ts` imports only the module
 * of the command being run, so that `jifen score` does not pay for loading the
 * storage layer or the planner (startup time is most of a single CLI call).
 * `--help` and unknown commands load them all through `commands/index.ts`.
 */
export const COMMAND_TABLE: Record<string, { module: string; register: string }> = {
  score: { module: './commands/score.js', register: 'registerScoreCommand' },
  rules: { module: './commands/rules.js', register: 'registerRulesCommand' },
  workdays: { module: './commands/workdays.js', register: 'registerWorkdaysCommand' },
  calendar: { module: './commands/calendar.js', register: 'registerCalendarCommand' },
  check: { module: './commands/check.js', register: 'registerCheckCommand' },
  checklist: { module: './commands/checklist.js', register: 'registerChecklistCommand' },
  db: { module: './commands/db.js', register: 'registerDbCommand' },
  audit: { module: './commands/audit.js', register: 'registerAuditCommand' },
  import: { module: './commands/import.js', register: 'registerImportCommand' },
  sweep: { module: './commands/sweep.js', register: 'registerSweepCommand' },
  dispatch: { module: './commands/dispatch.js', register: 'registerDispatchCommand' },
  demo: { module: './commands/demo.js', register: 'registerDemoCommand' },
  plan: { module: './commands/plan.js', register: 'registerPlanCommand' },
  impact: { module: './commands/impact.js', register: 'registerImpactCommand' },
  synth: { module: './commands/synth.js', register: 'registerSynthCommand' },
};
