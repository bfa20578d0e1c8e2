import type { Kysely } from 'kysely';
import { z } from 'zod';
import type { Actor as Account } from '../../accounts/Actor.js';
import { resetHolderPassword } from '../../accounts/resetPassword.js';
import {
  caseWorkspace,
  districtUnits,
  employeeRegistry,
  unitEmployees,
} from '../../cases/queries/workspaceQueries.js';
import { DISTRICTS, ROLES } from '../../shared/vocabulary.js';
import type { Database } from '../../storage/schema.js';
import type { Actor } from '../../workflow/types.js';
import { decimalInt } from '../schemas.js';
import { route, type RouteSpec } from '../routeSpec.js';

export interface WorkspaceRouteDeps {
  db: Kysely<Database>;
  clock: () => string;
}

const actorOf = (a: Account): Actor => ({
  id: a.role === 'holder' ? (a.holderId ?? a.id) : a.id,
  role: a.role,
  unitId: a.unitId,
  district: a.district,
});

/** Shanghai's calendar day of an instant (UTC+8). */
const shanghaiDay = (instant: string): string =>
  new Date(Date.parse(instant) + 8 * 3_600_000).toISOString().slice(0, 10);

const id = z.string().min(1).max(100);
const page = {
  limit: decimalInt(1, 100).optional(),
  offset: decimalInt(0, 100_000).optional(),
};
const CASE_READERS = ROLES.filter((r) => r !== 'admin');

/**
 * Read routes of the web workspaces (issue 6): the registry data beside the
 * claims, the pre-check and the engine's result before acting, the unit's
 * employees (and resetting their holder login's password), and the units of a
 * district awaiting verification.
 */
export function workspaceRoutes({ db, clock }: WorkspaceRouteDeps): RouteSpec[] {
  const today = () => shanghaiDay(clock());
  return [
    route({
      method: 'GET',
      url: '/api/v1/cases/:id/workspace',
      summary:
        '办理页数据：申报指标与登记数据对照、预检查（单位提交前）、规则引擎结果（核定前）、各次核定的逐项说明',
      tags: ['申请'],
      access: { roles: CASE_READERS, room: 'own_case', scope: 'cases:read' },
      schema: { params: z.strictObject({ id }) },
      handler: (req) =>
        caseWorkspace(
          db,
          {
            actor: actorOf(req.actor!),
            caseId: (req.params as { id: string }).id,
            today: today(),
          },
          req.policy,
        ),
    }),
    route({
      method: 'GET',
      url: '/api/v1/units/:id/holders',
      summary: '本单位员工（按社保登记），及其进行中的申请和可创建积分账户的日期',
      tags: ['单位'],
      access: { roles: ['employer_hr', 'city_supervisor'], room: 'own_unit', scope: 'cases:read' },
      schema: {
        params: z.strictObject({ id }),
        querystring: z.strictObject({ q: z.string().trim().max(50).optional(), ...page }),
      },
      handler: (req) => {
        const q = req.query as { q?: string; limit?: number; offset?: number };
        return unitEmployees(
          db,
          {
            actor: actorOf(req.actor!),
            unitId: (req.params as { id: string }).id,
            today: today(),
            ...(q.q ? { q: q.q } : {}),
            ...(q.limit ? { limit: q.limit } : {}),
            ...(q.offset ? { offset: q.offset } : {}),
          },
          req.policy,
        );
      },
    }),
    route({
      method: 'POST',
      url: '/api/v1/units/:id/holders/:holderId/password-reset',
      summary: '重置本单位员工（持证人）的网上账号密码：签发一次性密码（只显示一次），持证人登录后须修改',
      tags: ['单位'],
      access: { roles: ['employer_hr'], room: 'own_unit' },
      schema: { params: z.strictObject({ id, holderId: id }) },
      handler: async (req) => {
        const p = req.params as { id: string; holderId: string };
        return resetHolderPassword(db, {
          actor: req.actor!,
          unitId: p.id,
          holderId: p.holderId,
          now: clock(),
          today: today(),
        });
      },
    }),
    route({
      method: 'GET',
      url: '/api/v1/units/:id/holders/:holderId/registry',
      summary: '员工的共享登记数据（居住证、社保、个税、学历、户籍），用于预填积分申请表',
      tags: ['单位'],
      access: { roles: ['employer_hr', 'city_supervisor'], room: 'own_unit', scope: 'cases:read' },
      schema: { params: z.strictObject({ id, holderId: id }) },
      handler: (req) => {
        const p = req.params as { id: string; holderId: string };
        return employeeRegistry(
          db,
          {
            actor: actorOf(req.actor!),
            unitId: p.id,
            holderId: p.holderId,
            today: today(),
          },
          req.policy,
        );
      },
    }),
    route({
      method: 'GET',
      url: '/api/v1/districts/:district/units',
      summary: '本区单位（按注册状态筛选；受理点核验待核验的单位）',
      tags: ['区'],
      access: { roles: ['acceptance_clerk', 'city_supervisor'], room: 'own_district', scope: 'cases:read' },
      schema: {
        params: z.strictObject({ district: z.enum(DISTRICTS) }),
        querystring: z.strictObject({
          status: z.enum(['registered', 'verified', 'rejected']).optional(),
          ...page,
        }),
      },
      handler: (req) => {
        const q = req.query as {
          status?: 'registered' | 'verified' | 'rejected';
          limit?: number;
          offset?: number;
        };
        return districtUnits(db, {
          actor: actorOf(req.actor!),
          district: (req.params as { district: (typeof DISTRICTS)[number] }).district,
          ...(q.status ? { status: q.status } : {}),
          ...(q.limit ? { limit: q.limit } : {}),
          ...(q.offset ? { offset: q.offset } : {}),
        });
      },
    }),
  ];
}
