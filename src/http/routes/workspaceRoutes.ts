import type { Kysely } from 'kysely';
import { resetHolderPassword } from '../../accounts/resetPassword.js';
import { cachedCaseWorkspace } from '../../cases/index.js';
import { districtUnits, employeeRegistry, unitEmployees } from '../../cases/queries/workspaceQueries.js';
import { ROLES } from '../../shared/vocabulary.js';
import type { Database } from '../../storage/schema.js';
import { employeeRegistrySchema, workspaceSchema } from '../../contract/cases.js';
import { idParams } from '../../contract/query.js';
import {
  districtParams,
  districtUnitsQuery,
  unitEmployeesQuery,
  unitHolderParams,
} from '../../contract/requests.js';
import { districtUnitsSchema, passwordResetSchema, unitEmployeesSchema } from '../../contract/units.js';
import { route, type RouteSpec } from '../routeSpec.js';
import { actorOf } from './actorOf.js';
import { shanghaiDay } from './commandHeaders.js';

export interface WorkspaceRouteDeps {
  db: Kysely<Database>;
  clock: () => string;
}

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
      schema: { params: idParams, response: { 200: workspaceSchema } },
      handler: (req) => {
        const now = clock();
        return cachedCaseWorkspace(
          db,
          {
            actor: actorOf(req.actor!),
            caseId: req.params.id,
            now,
            today: shanghaiDay(now),
          },
          req.policy,
        );
      },
    }),
    route({
      method: 'GET',
      url: '/api/v1/units/:id/holders',
      summary: '本单位员工（按社保登记），及其进行中的申请和可创建积分账户的日期',
      tags: ['单位'],
      access: { roles: ['employer_hr', 'city_supervisor'], room: 'own_unit', scope: 'cases:read' },
      schema: {
        params: idParams,
        querystring: unitEmployeesQuery,
        response: { 200: unitEmployeesSchema },
      },
      handler: (req) => {
        const q = req.query;
        return unitEmployees(
          db,
          {
            actor: actorOf(req.actor!),
            unitId: req.params.id,
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
      schema: { params: unitHolderParams, response: { 200: passwordResetSchema } },
      handler: async (req) => {
        const p = req.params;
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
      schema: {
        params: unitHolderParams,
        response: { 200: employeeRegistrySchema },
      },
      handler: (req) => {
        const p = req.params;
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
        params: districtParams,
        querystring: districtUnitsQuery,
        response: { 200: districtUnitsSchema },
      },
      handler: (req) => {
        const q = req.query;
        return districtUnits(db, {
          actor: actorOf(req.actor!),
          district: req.params.district,
          ...(q.status ? { status: q.status } : {}),
          ...(q.limit ? { limit: q.limit } : {}),
          ...(q.offset ? { offset: q.offset } : {}),
        });
      },
    }),
  ];
}
