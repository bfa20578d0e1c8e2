import type { Kysely } from 'kysely';
import {
  applyCalendarYear,
  applyMaterialsCatalogue,
  applyWageFigure,
  calendarUploadSchema,
  catalogueUploadSchema,
  previewCalendarYear,
  previewMaterialsCatalogue,
  previewWageFigure,
  wageFigureSchema,
} from '../../admin/policyData.js';
import { listPolicyRevisions } from '../../storage/policyRevisionRepository.js';
import type { PolicyStore } from '../../policy/PolicyStore.js';
import { listUsers, setUserActive, userActiveBody, userListQuery } from '../../admin/users.js';
import { resetUserPassword } from '../../accounts/resetPassword.js';
import type { Database } from '../../storage/schema.js';
import { userDisplayNames } from '../../storage/userRepository.js';
import { route, type RouteSpec } from '../routeSpec.js';
import {
  calendarPreviewSchema,
  cataloguePreviewSchema,
  policyDataOverviewSchema,
  policyLoadSchema,
  userActiveResultSchema,
  userListSchema,
  wagePreviewSchema,
} from '../../contract/admin.js';
import { idParams } from '../../contract/query.js';
import { passwordResetSchema } from '../../contract/units.js';

export interface AdminRouteDeps {
  db: Kysely<Database>;
  clock: () => string;
  policy: PolicyStore;
}

const ADMIN = { roles: ['admin'], room: 'city', scope: 'admin' } as const;
const userId = idParams;

/**
 * The administrator (workflow.md: "users, roles, rules data loads; never edits a
 * case"): the users list and disabling, and the policy data loads — each with a
 * preview that changes nothing, then apply.
 */
export function adminRoutes({ db, clock, policy }: AdminRouteDeps): RouteSpec[] {
  const actor = (req: { actor?: { id: string; role: string } }) => ({
    id: req.actor!.id,
    role: req.actor!.role,
  });
  return [
    route({
      method: 'GET',
      url: '/api/v1/admin/users',
      summary: '用户与角色列表（分页，可按角色、区、状态、用户名筛选）——仅管理员',
      tags: ['管理'],
      access: ADMIN,
      schema: { querystring: userListQuery, response: { 200: userListSchema } },
      handler: (req) => listUsers(db, req.query),
    }),
    route({
      method: 'POST',
      url: '/api/v1/admin/users/:id/active',
      summary: '停用或重新启用账号（停用时立即结束其全部会话并撤销其全部访问令牌）——仅管理员',
      tags: ['管理'],
      access: ADMIN,
      schema: { params: userId, body: userActiveBody, response: { 200: userActiveResultSchema } },
      handler: (req) => setUserActive(db, actor(req), req.params.id, req.body, clock()),
    }),
    route({
      method: 'POST',
      url: '/api/v1/admin/users/:id/password-reset',
      summary:
        '重置工作人员或单位经办人的密码：签发一次性密码（只显示一次），结束其全部会话，本人登录后须修改——仅管理员',
      tags: ['管理'],
      access: ADMIN,
      schema: { params: userId, response: { 200: passwordResetSchema } },
      handler: (req) => resetUserPassword(db, { actor: actor(req), userId: req.params.id, now: clock() }),
    }),
    route({
      method: 'GET',
      url: '/api/v1/admin/policy-data',
      summary: '现行政策数据概况：社平工资（最近几条）、已加载的工作日历年度、材料目录，以及管理员加载记录',
      tags: ['管理'],
      access: ADMIN,
      schema: { response: { 200: policyDataOverviewSchema } },
      handler: async (req) => {
        const { rules, catalogue, calendar } = req.policy;
        const revisions = await listPolicyRevisions(db);
        const nameOf = await userDisplayNames(
          db,
          revisions.map((r) => r.loadedBy),
        );
        return {
          dataRevision: rules.revision,
          wages: rules.data.wages.figures.slice(-6),
          calendarYears: calendar.coveredYears(),
          catalogue: {
            label: catalogue.label,
            from: catalogue.from,
            to: catalogue.to,
            materials: catalogue.materials.length,
            revision: catalogue.revision,
          },
          revisions: revisions
            .map(({ payload: _payload, ...r }) => ({
              ...r,
              loadedByName: nameOf.get(r.loadedBy) ?? r.loadedBy,
            }))
            .reverse(),
        };
      },
    }),
    route({
      method: 'POST',
      url: '/api/v1/admin/wages/preview',
      summary: '预览加载一条社平工资：数据变化，以及对几位示例持证人积分的影响（不作任何修改）',
      tags: ['管理'],
      access: ADMIN,
      schema: { body: wageFigureSchema, response: { 200: wagePreviewSchema } },
      handler: (req) => previewWageFigure(db, req.body, req.policy),
    }),
    route({
      method: 'POST',
      url: '/api/v1/admin/wages',
      summary: '加载社平工资（追加一条或更正已有一条；记录加载人、时间和依据）',
      tags: ['管理'],
      access: ADMIN,
      schema: { body: wageFigureSchema, response: { 201: policyLoadSchema(wagePreviewSchema) } },
      handler: async (req, reply) => {
        const r = await applyWageFigure(db, actor(req), clock(), req.body, policy);
        reply.status(201);
        return r;
      },
    }),
    route({
      method: 'POST',
      url: '/api/v1/admin/calendar-years/preview',
      summary: '预览加载一年的工作日历：工作日数、各月工作日、与现有年度的差异、可计算的期限（不作任何修改）',
      tags: ['管理'],
      access: ADMIN,
      schema: { body: calendarUploadSchema, response: { 200: calendarPreviewSchema } },
      handler: (req) => previewCalendarYear(req.body, req.policy),
    }),
    route({
      method: 'POST',
      url: '/api/v1/admin/calendar-years',
      summary: '加载一年的工作日历（国务院节假日安排；替换已有年度须明确选择）',
      tags: ['管理'],
      access: ADMIN,
      schema: { body: calendarUploadSchema, response: { 201: policyLoadSchema(calendarPreviewSchema) } },
      handler: async (req, reply) => {
        const r = await applyCalendarYear(db, actor(req), clock(), req.body, policy);
        reply.status(201);
        return r;
      },
    }),
    route({
      method: 'POST',
      url: '/api/v1/admin/catalogues/materials/preview',
      summary: '预览更新申请材料目录：新增、删除、修改的材料（不作任何修改）',
      tags: ['管理'],
      access: ADMIN,
      schema: { body: catalogueUploadSchema, response: { 200: cataloguePreviewSchema } },
      handler: (req) => previewMaterialsCatalogue(req.body, req.policy),
    }),
    route({
      method: 'POST',
      url: '/api/v1/admin/catalogues/materials',
      summary: '更新申请材料目录',
      tags: ['管理'],
      access: ADMIN,
      schema: {
        body: catalogueUploadSchema,
        response: { 201: policyLoadSchema(cataloguePreviewSchema) },
      },
      handler: async (req, reply) => {
        const r = await applyMaterialsCatalogue(db, actor(req), clock(), req.body, policy);
        reply.status(201);
        return r;
      },
    }),
  ];
}
