import { stringify } from 'yaml';
import type { CalendarDay, CalendarYear } from './calendarYearSchema.js';

const byDate = (a: CalendarDay, b: CalendarDay): number => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0);

/**
 * The one way a year file is written, by the importer and by `calendar add-year`
 * alike, so that files stay diffable: fixed key order, days sorted by date,
 * every string double-quoted (a YAML 1.1 reader would otherwise turn the dates
 * into timestamps).
 */
export function formatCalendarYearYaml(cal: CalendarYear, headerComment: readonly string[] = []): string {
  const ordered = {
    year: cal.year,
    sources: cal.sources.map((s) => ({
      title: s.title,
      ...(s.documentNumber !== undefined ? { documentNumber: s.documentNumber } : {}),
      ...(s.note !== undefined ? { note: s.note } : {}),
    })),
    holidays: [...cal.holidays].sort(byDate).map(({ date, name }) => ({ date, name })),
    makeupWorkdays: [...cal.makeupWorkdays].sort(byDate).map(({ date, name }) => ({ date, name })),
  };
  const header = headerComment.map((line) => (line === '' ? '#\n' : `# ${line}\n`)).join('');
  return (
    header + stringify(ordered, { defaultStringType: 'QUOTE_DOUBLE', defaultKeyType: 'PLAIN', lineWidth: 0 })
  );
}
