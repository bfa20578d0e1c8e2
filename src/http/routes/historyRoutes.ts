import type { Kysely } from 'kysely';
import { caseHistory } from '../../cases/queries/caseHistory.js';
import { ROLES } from '../../shared/vocabulary.js';
import type { Database } from '../../storage/schema.js';
import { caseHistorySchema } from '../../contract/counter.js';
import { idParams } from '../../contract/query.js';
import { route, type RouteSpec } from '../routeSpec.js';
import { actorOf } from './caseRoutes.js';

/** The timeline of one case (issue 15), for everyone who may read the case (never admin). */
export function historyRoutes({ db }: { db: Kysely<Database> }): RouteSpec[] {
  return [
    route({
      method: 'GET',
      url: '/api/v1/cases/:id/history',
      summary: '办理记录：每一步由谁、何时、做了什么（来自审计日志）',
      tags: ['申请'],
      access: { roles: ROLES.filter((r) => r !== 'admin'), room: 'own_case', scope: 'cases:read' },
      schema: { params: idParams, response: { 200: caseHistorySchema } },
      handler: (req) => caseHistory(db, { actor: actorOf(req.actor!), caseId: req.params.id }),
    }),
  ];
}
