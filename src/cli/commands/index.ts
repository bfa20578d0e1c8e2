import type { Command } from 'commander';
import { registerAuditCommand } from './audit.js';
import { registerDbCommand } from './db.js';
import { registerDemoCommand } from './demo.js';
import { registerDispatchCommand } from './dispatch.js';
import { registerImportCommand } from './import.js';
import { registerCalendarCommand } from './calendar.js';
import { registerCheckCommand } from './check.js';
import { registerChecklistCommand } from './checklist.js';
import { registerImpactCommand } from './impact.js';
import { registerPlanCommand } from './plan.js';
import { registerRulesCommand } from './rules.js';
import { registerScoreCommand } from './score.js';
import { registerSweepCommand } from './sweep.js';
import { registerSynthCommand } from './synth.js';
import { registerWorkdaysCommand } from './workdays.js';

/** Every command of `./bin/jifen`, one module each (thin: parse → call a service → print). */
export function registerCommands(program: Command): void {
  registerScoreCommand(program);
  registerRulesCommand(program);
  registerWorkdaysCommand(program);
  registerCalendarCommand(program);
  registerCheckCommand(program);
  registerChecklistCommand(program);
  registerDbCommand(program);
  registerAuditCommand(program);
  registerImportCommand(program);
  registerPlanCommand(program);
  registerImpactCommand(program);
  registerSynthCommand(program);
  registerSweepCommand(program);
  registerDispatchCommand(program);
  registerDemoCommand(program);
}
