import type { WorkCalendar } from '../calendar/WorkCalendar.js';
import type { MaterialsCatalogue } from '../checklist/loadMaterialsCatalogue.js';
import type { DocumentFonts } from '../documents/documentFonts.js';
import type { TemplateCatalogue } from '../notify/messageTemplates.js';
import type { PlannerAssumptionsFile } from '../planner/plannerAssumptions.js';
import type { RuleSet } from '../rules/RuleSet.js';

/**
 * One immutable snapshot of the policy data a result depends on (issue 13): the
 * rule set (rules/ with the administrator's wage figures merged), the working-day
 * calendar (with loaded years), the materials catalogue (or the loaded one), the
 * message templates, the planner's assumptions and the document fonts — and the
 * `dataRevision` that names them all. Built by one composition function
 * (composePolicy.ts) and passed explicitly to the engine, planner, pre-check,
 * checklist, documents and use cases; nothing reads policy data from disk
 * behind the caller's back. An administrator's load builds a new snapshot and
 * swaps the one reference the server holds (PolicyStore.ts).
 */
export interface PolicyData {
  /** Names the files and every loaded revision merged: results carry it. */
  readonly dataRevision: string;
  readonly rules: RuleSet;
  readonly calendar: WorkCalendar;
  readonly catalogue: MaterialsCatalogue;
  readonly templates: TemplateCatalogue;
  readonly planner: PlannerAssumptionsFile;
  readonly fonts: DocumentFonts;
  /** How many administrator-loaded revisions this snapshot was built from. */
  readonly revisionCount: number;
  /** Revisions that no longer fit the files (e.g. after a release changed rules/): not merged. */
  readonly skipped: readonly { id: string; reason: string }[];
}
