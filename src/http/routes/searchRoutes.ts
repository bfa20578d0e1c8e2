import type { Kysely } from 'kysely';
import { z } from 'zod';
import { DISTRICT_ROLES } from '../../shared/vocabulary.js';
import { SEARCH_KIND_LABELS, searchCases, type SearchRoom } from '../../storage/caseSearch.js';
import type { Database } from '../../storage/schema.js';
import { STATE_LABELS } from '../../workflow/index.js';
import { assertListRoom } from '../../cases/listRoom.js';
import { caseSearchPageSchema } from '../../contract/counter.js';
import { idParams } from '../../contract/query.js';
import { caseSearchBody, districtParams } from '../../contract/requests.js';
import { route, type RouteSpec } from '../routeSpec.js';
import { actorOf } from './caseRoutes.js';

/**
 * The search box of every officer's and HR's workspace (issue 15). POST, so
 * that an ID or phone number never sits in a URL (URLs are logged); a read all
 * the same (scope cases:read). The room is the URL's district, unit or the
 * city, checked with the same standing predicate as reading a case.
 */
const body = caseSearchBody;
type Body = z.output<typeof body>;

export function searchRoutes({ db }: { db: Kysely<Database> }): RouteSpec[] {
  const run = async (actor: Parameters<typeof actorOf>[0], room: SearchRoom, b: Body) => {
    assertListRoom(actorOf(actor), room);
    const page = await searchCases(db, { room, q: b.q, limit: b.limit, offset: b.offset });
    return {
      ...page,
      kindLabel: SEARCH_KIND_LABELS[page.kind],
      items: page.items.map((i) => ({ ...i, stateLabel: STATE_LABELS[i.state] })),
    };
  };
  const summary =
    '查找案件：申请编号、公民身份号码、手机号码、统一社会信用代码（精确），姓名或单位名称（两字起按开头）';
  return [
    route({
      method: 'POST',
      url: '/api/v1/districts/:district/case-search',
      summary: `${summary}——本区`,
      tags: ['区'],
      access: { roles: [...DISTRICT_ROLES, 'city_supervisor'], room: 'own_district', scope: 'cases:read' },
      schema: {
        params: districtParams,
        body,
        response: { 200: caseSearchPageSchema },
      },
      handler: (req) => run(req.actor!, { kind: 'district', district: req.params.district }, req.body),
    }),
    route({
      method: 'POST',
      url: '/api/v1/units/:id/case-search',
      summary: `${summary}——本单位`,
      tags: ['单位'],
      access: { roles: ['employer_hr', 'city_supervisor'], room: 'own_unit', scope: 'cases:read' },
      schema: { params: idParams, body, response: { 200: caseSearchPageSchema } },
      handler: (req) => run(req.actor!, { kind: 'unit', unitId: req.params.id }, req.body),
    }),
    route({
      method: 'POST',
      url: '/api/v1/city/case-search',
      summary: `${summary}——全市`,
      tags: ['市级监督'],
      access: { roles: ['city_supervisor'], room: 'city', scope: 'cases:read' },
      schema: { body, response: { 200: caseSearchPageSchema } },
      handler: (req) => run(req.actor!, { kind: 'city' }, req.body),
    }),
  ];
}
