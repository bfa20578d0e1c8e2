import { loadWorkCalendar } from '../calendar/loadWorkCalendar.js';
import { loadMaterialsCatalogue } from '../checklist/loadMaterialsCatalogue.js';
import { loadDocumentFonts } from '../documents/documentFonts.js';
import { loadTemplateCatalogue } from '../notify/messageTemplates.js';
import { loadPlannerAssumptions } from '../planner/plannerAssumptions.js';
import { loadRulesData } from '../rules/loadRulesData.js';
import { RuleSet } from '../rules/RuleSet.js';
import { mergeRevisions, revisionTag, wagePatch, type PolicyRevision } from './mergeRevisions.js';
import type { PolicyData } from './PolicyData.js';
import { CALENDAR_DIR, POLICY_CACHE_DIR, RULES_DIR, TEMPLATES_FILE } from './projectPaths.js';

export interface ComposeOptions {
  /** Administrator-loaded revisions, oldest first (src/storage/policyRevisionRepository.ts): merged over the files. */
  revisions?: readonly PolicyRevision[];
  /** The snapshot being replaced: its parsed templates and fonts are handed on (they do not change). */
  reuse?: PolicyData;
  /** Another rules folder (tests of the loaders); its calendars/cn is the calendar. */
  rulesDir?: string;
}

/** A value computed on first use and kept: the snapshot stays immutable to its readers. */
function once<T>(make: () => T): () => T {
  let made: { value: T } | undefined;
  return () => (made ??= { value: make() }).value;
}

/**
 * THE composition function of the policy data: the server (src/http/buildServer.ts via
 * PolicyStore), the CLI (src/cli/cliPolicy.ts) and the tests all build their snapshot
 * here, from the files of rules/ plus the stored revisions. The rule set is read at
 * once (it names the revision); the calendar, catalogue, templates, planner
 * assumptions and fonts are read on first use and kept with the snapshot, so that a
 * one-profile `jifen score` reads only what it needs (`checkPolicy` reads them all,
 * as the server does at start).
 */
export function composePolicy(options: ComposeOptions = {}): PolicyData {
  const root = options.rulesDir ?? RULES_DIR;
  const revisions = options.revisions ?? [];
  const files = loadRulesData(root, options.rulesDir ? undefined : POLICY_CACHE_DIR);
  const merged = mergeRevisions(revisions, files);
  const tag = revisions.map((r) => r.contentHash).join(',');
  // Any loaded revision (a wage figure, a calendar year, a catalogue) renames the data.
  const data =
    merged.wages.length > 0
      ? wagePatch(merged.wages, tag)(files)
      : revisions.length > 0
        ? { ...files, revision: revisionTag(files.revision, tag) }
        : files;
  const rules = new RuleSet(data);
  const calendar = once(() =>
    loadWorkCalendar(options.rulesDir ? `${root}/calendars/cn` : CALENDAR_DIR, merged.years),
  );
  const catalogue = once(() => merged.catalogue ?? loadMaterialsCatalogue(root, files.instruments));
  const reuse = options.reuse;
  const templates = once(() => reuse?.templates ?? loadTemplateCatalogue(TEMPLATES_FILE));
  const planner = once(() => loadPlannerAssumptions(root));
  const fonts = once(() => reuse?.fonts ?? loadDocumentFonts());
  return Object.freeze({
    dataRevision: rules.revision,
    rules,
    revisionCount: revisions.length,
    skipped: Object.freeze(merged.skipped),
    get calendar() {
      return calendar();
    },
    get catalogue() {
      return catalogue();
    },
    get templates() {
      return templates();
    },
    get planner() {
      return planner();
    },
    get fonts() {
      return fonts();
    },
  });
}

/** Reads every part now (the server at start and on each reload): a data fault shows at once. */
export function checkPolicy(policy: PolicyData): PolicyData {
  void policy.calendar;
  void policy.catalogue;
  void policy.templates;
  void policy.planner;
  return policy;
}
