/**
 * Administrator-loaded policy data (issue 6): a new 社平工资 figure, a new year
 * of the working-day calendar, an updated materials catalogue.
 *
 * Design decision. Policy data are dated files in rules/, reviewed like law and
 * shipped with the code. What an administrator loads at run time must survive a
 * restart and be seen by every server instance, so it is stored in the database
 * (`policy_revisions`, append-only: who, when, with what citation, and a content
 * hash) and merged OVER the files when a server loads its rule set, calendar and
 * catalogue: a wage figure replaces the figure with the same months or extends
 * the table; a calendar year replaces the file's year or adds one; a catalogue
 * replaces the file's. Later revisions of the same subject win. The instance that
 * applies a revision reloads at once; every other instance checks a one-row
 * signature of the table (count and last load time) at most every
 * `SYNC_INTERVAL_MS` on its next request and reloads when it changed, and on
 * start. The CLI reads the files only (plus the database for `sweep`, see README).
 */
import { createHash, randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import { checkCalendarYear, type CalendarYear } from '../calendar/calendarYearSchema.js';
import { setAdditionalCalendarYears } from '../calendar/loadWorkCalendar.js';
import {
  compileMaterialsCatalogue,
  setMaterialsCatalogueOverride,
  type MaterialsCatalogue,
} from '../checklist/loadMaterialsCatalogue.js';
import { loadRulesData, type RulesData, type RulesPatch } from '../rules/loadRulesData.js';
import { RULES_DIR, setDefaultRulesPatch } from '../rules/defaultRuleSet.js';
import { isoMonthToIndex } from '../shared/dates.js';
import { canonicalJson } from '../storage/canonicalJson.js';
import { toInstant } from '../storage/instant.js';
import type { Database } from '../storage/schema.js';
import type { PolicyRevisionKind, PolicyRevisionsTable } from './policyRevisionsSchema.js';
import './policyRevisionsSchema.js';

export interface WageFigureInput {
  from: string;
  to: string;
  value: number;
}

export interface PolicyRevision {
  id: string;
  kind: PolicyRevisionKind;
  subject: string;
  payload: unknown;
  citation: string;
  contentHash: string;
  loadedBy: string;
  loadedAt: string;
}

const fromRow = (r: PolicyRevisionsTable): PolicyRevision => ({
  ...r,
  payload: JSON.parse(r.payload) as unknown,
});

/** Every revision, oldest first (the order they are merged in). */
export async function listPolicyRevisions(db: Kysely<Database>): Promise<PolicyRevision[]> {
  const rows = await db.selectFrom('policyRevisions').selectAll().orderBy('loadedAt').orderBy('id').execute();
  return rows.map(fromRow);
}

/** Appends one revision (never updates or deletes). */
export async function insertPolicyRevision(
  db: Kysely<Database>,
  r: {
    kind: PolicyRevisionKind;
    subject: string;
    payload: unknown;
    citation: string;
    loadedBy: string;
    now: string;
  },
): Promise<PolicyRevision> {
  const payload = canonicalJson(r.payload);
  const row: PolicyRevisionsTable = {
    id: randomUUID(),
    kind: r.kind,
    subject: r.subject,
    payload,
    citation: r.citation,
    contentHash: createHash('sha256').update(payload).digest('hex').slice(0, 12),
    loadedBy: r.loadedBy,
    loadedAt: toInstant(r.now),
  };
  await db.insertInto('policyRevisions').values(row).execute();
  return fromRow(row);
}

/**
 * Merges wage figures over the file's table: an entry with the same months
 * replaces the value; one starting the month after the last extends it;
 * anything else does not fit and is reported (never silently reordered).
 */
export function mergeWageFigures(
  figures: readonly WageFigureInput[],
  add: WageFigureInput,
): { figures: WageFigureInput[]; change: 'replaced' | 'appended' | 'unchanged' } | { error: string } {
  const same = figures.findIndex((f) => f.from === add.from && f.to === add.to);
  if (same >= 0) {
    const out = figures.map((f, i) => (i === same ? { ...f, value: add.value } : { ...f }));
    return { figures: out, change: figures[same]!.value === add.value ? 'unchanged' : 'replaced' };
  }
  const last = figures[figures.length - 1]!;
  if (isoMonthToIndex(add.from) === isoMonthToIndex(last.to) + 1)
    return { figures: [...figures.map((f) => ({ ...f })), { ...add }], change: 'appended' };
  return {
    error: `应紧接最后一条（${last.from} 至 ${last.to}）之后从 ${nextMonth(last.to)} 起，或与已有一条的起止月份完全相同（更正）`,
  };
}

const nextMonth = (m: string): string => {
  const [y, mo] = m.split('-').map(Number) as [number, number];
  return mo === 12 ? `${y + 1}-01` : `${y}-${String(mo + 1).padStart(2, '0')}`;
};

/** A rules patch that merges wage figures; the revision names the base and the merged ids. */
export function wagePatch(wages: readonly WageFigureInput[], tag: string): RulesPatch {
  return (data: RulesData): RulesData => {
    let figures: WageFigureInput[] = data.wages.figures.map((f) => ({ ...f }));
    for (const w of wages) {
      const merged = mergeWageFigures(figures, w);
      if ('figures' in merged) figures = merged.figures;
    }
    return {
      ...data,
      wages: { ...data.wages, figures },
      revision: createHash('sha256').update(data.revision).update(tag).digest('hex').slice(0, 12),
    };
  };
}

export interface MergedPolicy {
  wages: WageFigureInput[];
  years: CalendarYear[];
  catalogue: MaterialsCatalogue | undefined;
  /** Revisions that no longer fit the files (e.g. after a release changed rules/): not merged. */
  skipped: { id: string; reason: string }[];
}

/** What the revisions amount to, validated again (a row is never trusted blindly). */
export function mergeRevisions(
  revisions: readonly PolicyRevision[],
  base: RulesData = loadRulesData(RULES_DIR),
): MergedPolicy {
  const skipped: MergedPolicy['skipped'] = [];
  const wages: WageFigureInput[] = [];
  let figures: WageFigureInput[] = base.wages.figures.map((f) => ({ ...f }));
  const years = new Map<number, CalendarYear>();
  let catalogue: MaterialsCatalogue | undefined;
  for (const r of revisions) {
    try {
      if (r.kind === 'wage_figure') {
        const w = r.payload as WageFigureInput;
        const merged = mergeWageFigures(figures, w);
        if ('error' in merged) skipped.push({ id: r.id, reason: merged.error });
        else {
          figures = merged.figures;
          wages.push(w);
        }
      } else if (r.kind === 'calendar_year') {
        const checked = checkCalendarYear(r.payload);
        if (checked.ok) years.set(checked.value.year, checked.value);
        else
          skipped.push({ id: r.id, reason: checked.issues.map((i) => `${i.path} ${i.message}`).join('; ') });
      } else {
        catalogue = compileMaterialsCatalogue(
          r.payload,
          `policy_revisions/${r.id}`,
          base.instruments,
          r.contentHash,
        );
      }
    } catch (error) {
      skipped.push({ id: r.id, reason: (error as Error).message });
    }
  }
  return { wages, years: [...years.values()], catalogue, skipped };
}

/** Sets the process-wide defaults (rule set, calendar, catalogue) to the files plus these revisions. */
export function installRevisions(revisions: readonly PolicyRevision[]): MergedPolicy {
  const merged = mergeRevisions(revisions);
  const tag = revisions.map((r) => r.contentHash).join(',');
  setDefaultRulesPatch(merged.wages.length > 0 ? wagePatch(merged.wages, tag) : undefined);
  setAdditionalCalendarYears(merged.years);
  setMaterialsCatalogueOverride(merged.catalogue);
  return merged;
}

/** A one-row signature of the table: changes whenever a revision is appended. */
async function signature(db: Kysely<Database>): Promise<string> {
  const r = await db
    .selectFrom('policyRevisions')
    .select((eb) => [eb.fn.countAll<number>().as('n'), eb.fn.max('loadedAt').as('last')])
    .executeTakeFirstOrThrow();
  return `${Number(r.n)}|${r.last ?? ''}`;
}

/**
 * Keeps this process's policy data in step with the database: `refresh()` now
 * (at start and after an apply), `maybeRefresh()` on requests — a cheap signature
 * query at most every `intervalMs` of real time, a reload only when it changed.
 */
export class PolicyRevisionSync {
  #applied: string | undefined;
  #checkedAt = 0;
  #running: Promise<void> | undefined;
  #revisions: readonly PolicyRevision[] = [];

  /** The revisions this process has installed: worker threads install the same (src/http/renderPool.ts). */
  get revisions(): readonly PolicyRevision[] {
    return this.#revisions;
  }

  constructor(
    private readonly db: Kysely<Database>,
    private readonly intervalMs = SYNC_INTERVAL_MS,
  ) {}

  async refresh(): Promise<MergedPolicy> {
    const sig = await signature(this.db);
    const revisions = await listPolicyRevisions(this.db);
    const merged = installRevisions(revisions);
    this.#revisions = revisions;
    this.#applied = sig;
    this.#checkedAt = Date.now();
    return merged;
  }

  async maybeRefresh(): Promise<void> {
    if (Date.now() - this.#checkedAt < this.intervalMs) return;
    this.#checkedAt = Date.now();
    this.#running ??= (async () => {
      try {
        if ((await signature(this.db)) !== this.#applied) await this.refresh();
      } finally {
        this.#running = undefined;
      }
    })();
    await this.#running;
  }
}

export const SYNC_INTERVAL_MS = 15_000;
