import type { Kysely } from 'kysely';
import {
  cityCases,
  cityCaseQuery,
  cityStatistics,
  listPenalties,
  penaltyQuery,
} from '../../city/cityQueries.js';
import { dateRangeQuery } from '../../city/dateRange.js';
import { cityCasePageSchema, cityStatisticsSchema, penaltyPageSchema } from '../../contract/statistics.js';
import type { Database } from '../../storage/schema.js';
import type { Actor } from '../../workflow/types.js';
import { route, type RouteSpec } from '../routeSpec.js';
import { shanghaiDay } from '../../shared/shanghaiDay.js';

export interface CityRouteDeps {
  db: Kysely<Database>;
  clock: () => string;
}

const CITY = ['city_supervisor'] as const;
const actorOf = (a: NonNullable<import('fastify').FastifyRequest['actor']>): Actor => ({
  id: a.id,
  role: a.role,
  unitId: a.unitId,
  district: a.district,
});

/** City supervision: every district's cases, the statistics dashboard, the penalties on record. */
export function cityRoutes({ db, clock }: CityRouteDeps): RouteSpec[] {
  return [
    route({
      method: 'GET',
      url: '/api/v1/city/cases',
      summary: '全市案件（可按区、状态、复核、编号筛选；分页）——市级监督',
      tags: ['市级监督'],
      access: { roles: CITY, room: 'city', scope: 'cases:read' },
      schema: { querystring: cityCaseQuery, response: { 200: cityCasePageSchema } },
      handler: (req) =>
        cityCases(
          db,
          {
            actor: actorOf(req.actor!),
            today: shanghaiDay(clock()),
            query: req.query,
          },
          req.policy,
        ),
    }),
    route({
      method: 'GET',
      url: '/api/v1/city/statistics',
      summary: '全市统计：各区与全市合计的状态分布、受理与核定用时中位数、期限达成率、一次性告知原因',
      tags: ['市级监督'],
      access: { roles: CITY, room: 'city', scope: 'stats:read' },
      schema: { querystring: dateRangeQuery, response: { 200: cityStatisticsSchema } },
      handler: (req) =>
        cityStatistics(
          db,
          { actor: actorOf(req.actor!), today: shanghaiDay(clock()), range: req.query },
          req.policy,
        ),
    }),
    route({
      method: 'GET',
      url: '/api/v1/city/penalties',
      summary: '处罚记录（虚假材料记录、罚款、信用记录、限制申报；分页）——市级监督',
      tags: ['市级监督'],
      access: { roles: CITY, room: 'city', scope: 'cases:read' },
      schema: { querystring: penaltyQuery, response: { 200: penaltyPageSchema } },
      handler: (req) =>
        listPenalties(db, {
          actor: actorOf(req.actor!),
          query: req.query,
        }),
    }),
  ];
}
