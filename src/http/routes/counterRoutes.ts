import type { Kysely } from 'kysely';
import type { Database } from '../../storage/schema.js';
import type { RouteSpec } from '../routeSpec.js';
import { caseNumberRoutes } from './caseNumberRoutes.js';
import { exportRoutes } from './exportRoutes.js';
import { historyRoutes } from './historyRoutes.js';
import { identityRevealRoutes } from './identityRevealRoutes.js';
import { messageRoutes } from './messageRoutes.js';
import { searchRoutes } from './searchRoutes.js';

export interface CounterRouteDeps {
  db: Kysely<Database>;
  clock: () => string;
}

/** Issue 15, officers at the counter and at volume: search, export, messages, case history, identity reveal. */
export function counterRoutes(deps: CounterRouteDeps): RouteSpec[] {
  return [
    ...searchRoutes(deps),
    ...exportRoutes(deps),
    ...historyRoutes(deps),
    ...messageRoutes(deps),
    ...identityRevealRoutes(deps),
    ...caseNumberRoutes(deps),
  ];
}
