export { DISTRICTS } from '../../vocabulary';
/** Shapes of the city supervision API (src/contract/statistics.ts, as the server declares them). */
import type { CityCasePage, CityStatistics } from '../../api/contract';

export type { CityStatistics, Penalty } from '../../api/contract';
export type DistrictStats = CityStatistics['districts'][number];
export type CaseSummary = CityCasePage['items'][number];
/** An offset page of any list (the city's lists share the shape). */
export type Page<T> = Omit<CityCasePage, 'items' | 'stateLabels'> & { items: T[] };

/**
 * The states of a stored case in the machine's order (workflow.md), for charts and filters: the
 * one list (src/workflow/types.ts), imported at run time through web/src/vocabulary.ts.
 */
export { STORED_CASE_STATES as STATE_ORDER } from '../../vocabulary';
