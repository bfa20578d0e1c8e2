import type { Kysely } from 'kysely';
import { z } from 'zod';
import { caseByNumber } from '../../counter/caseByNumber.js';
import { caseByNumberSchema } from '../../contract/counter.js';
import { ROLES } from '../../shared/vocabulary.js';
import type { Database } from '../../storage/schema.js';
import { route, type RouteSpec } from '../routeSpec.js';
import { actorOf } from './actorOf.js';

/** The case behind a 申请编号 (issue 15): case pages are opened by the number people read. */
export function caseNumberRoutes({ db }: { db: Kysely<Database> }): RouteSpec[] {
  return [
    route({
      method: 'GET',
      url: '/api/v1/case-numbers/:applicationNo',
      summary: '按申请编号打开申请（扫码或输入编号）',
      tags: ['申请'],
      access: { roles: ROLES.filter((r) => r !== 'admin'), room: 'own_case', scope: 'cases:read' },
      schema: {
        params: z.strictObject({ applicationNo: z.string().min(1).max(40) }),
        response: { 200: caseByNumberSchema },
      },
      handler: (req) =>
        caseByNumber(db, {
          actor: actorOf(req.actor!),
          typed: req.params.applicationNo,
        }),
    }),
  ];
}
