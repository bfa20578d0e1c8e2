/**
 * Which module defines each top-level command. `main.ts` imports only the module
 * of the command being run, so that `jifen score` does not pay for loading the
 * storage layer or the planner (startup time is most of a single CLI call). The loaders are static `import()`s so
 * that the compiled CLI (scripts/buildCli.mjs) splits each command into its own chunk.
 * `--help` and unknown commands load them all through `commands/index.ts`.
 */
export const COMMAND_TABLE: Record<
  string,
  { load: () => Promise<Record<string, unknown>>; register: string }
> = {
  score: { load: () => import('./commands/score.js'), register: 'registerScoreCommand' },
  rules: { load: () => import('./commands/rules.js'), register: 'registerRulesCommand' },
  workdays: { load: () => import('./commands/workdays.js'), register: 'registerWorkdaysCommand' },
  calendar: { load: () => import('./commands/calendar.js'), register: 'registerCalendarCommand' },
  check: { load: () => import('./commands/check.js'), register: 'registerCheckCommand' },
  checklist: { load: () => import('./commands/checklist.js'), register: 'registerChecklistCommand' },
  db: { load: () => import('./commands/db.js'), register: 'registerDbCommand' },
  audit: { load: () => import('./commands/audit.js'), register: 'registerAuditCommand' },
  import: { load: () => import('./commands/import.js'), register: 'registerImportCommand' },
  sweep: { load: () => import('./commands/sweep.js'), register: 'registerSweepCommand' },
  dispatch: { load: () => import('./commands/dispatch.js'), register: 'registerDispatchCommand' },
  demo: { load: () => import('./commands/demo.js'), register: 'registerDemoCommand' },
  plan: { load: () => import('./commands/plan.js'), register: 'registerPlanCommand' },
  impact: { load: () => import('./commands/impact.js'), register: 'registerImpactCommand' },
  synth: { load: () => import('./commands/synth.js'), register: 'registerSynthCommand' },
};
