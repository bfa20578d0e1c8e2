/**
 * How administrator-loaded revisions (src/storage/policyRevisionRepository.ts) merge over the
 * files of rules/: a wage figure replaces the figure with the same months or
 * extends the table; a calendar year replaces the file's year or adds one; a
 * catalogue replaces the file's. Later revisions of the same subject win. Pure.
 */
import { createHash } from 'node:crypto';
import { checkCalendarYear, type CalendarYear } from '../calendar/calendarYearSchema.js';
import { compileMaterialsCatalogue, type MaterialsCatalogue } from '../checklist/loadMaterialsCatalogue.js';
import type { RulesData, RulesPatch } from '../rules/loadRulesData.js';
import { isoMonthToIndex } from '../shared/dates.js';
import type { PolicyRevisionKind } from '../storage/policyRevisionsSchema.js';

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
    return { ...data, wages: { ...data.wages, figures }, revision: revisionTag(data.revision, tag) };
  };
}

/** The data revision of files plus loaded revisions: names both, changes with either. */
export const revisionTag = (base: string, tag: string): string =>
  createHash('sha256').update(base).update(tag).digest('hex').slice(0, 12);

export interface MergedPolicy {
  wages: WageFigureInput[];
  years: CalendarYear[];
  catalogue: MaterialsCatalogue | undefined;
  /** Revisions that no longer fit the files (e.g. after a release changed rules/): not merged. */
  skipped: { id: string; reason: string }[];
}

/** What the revisions amount to over `base`, validated again (a row is never trusted blindly). */
export function mergeRevisions(revisions: readonly PolicyRevision[], base: RulesData): MergedPolicy {
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
