import type { Kysely } from 'kysely';
import { z } from 'zod';
import { createHolderLogin, holderLoginInput } from '../../accounts/createHolderLogin.js';
import { registerUnitAccount, unitRegistrationInput } from '../../accounts/registerUnitAccount.js';
import * as cases from '../../cases/index.js';
import { verifyNotice } from '../../cases/queries/verifyNotice.js';
import { createDraftInput, verifyUnitBody } from '../../contract/caseCommands.js';
import {
  caseListItemSchema,
  caseViewSchema,
  createdCaseSchema,
  holderCaseSchema,
} from '../../contract/cases.js';
import { noticeVerificationSchema } from '../../contract/notice.js';
import { idParams } from '../../contract/query.js';
import {
  districtParams,
  idempotencyHeaders,
  noticeCodeParams,
  queueQuery,
  unitCasesQuery,
} from '../../contract/requests.js';
import { districtStatisticsSchema } from '../../contract/statistics.js';
import { createdUnitSchema, holderLoginSchema, unitVerificationSchema } from '../../contract/units.js';
import { DISTRICT_ROLES, ROLES } from '../../shared/vocabulary.js';
import { JifenError } from '../../shared/errors.js';
import type { Database } from '../../storage/schema.js';
import { route, type RouteSpec } from '../routeSpec.js';
import { commandBody } from '../validation.js';
import { actorOf } from './actorOf.js';
import { caseCommands, rolesOf } from './caseCommands.js';
import { idempotencyKeyOf as idem, shanghaiDay } from './commandHeaders.js';
import { normaliseCode } from './verifyPageRoutes.js';

export interface CaseRouteDeps {
  db: Kysely<Database>;
  /** Lists and statistics (never a version behind an If-Match): a replica or a separate pool. */
  readDb?: Kysely<Database>;
  clock: () => string;
}

export { actorOf };

const caseId = idParams;
const district = districtParams;
/** Everyone who may read a case in some room; admin never reads or edits a case (workflow.md). */
const CASE_READERS = ROLES.filter((r) => r !== 'admin');
const OFFICERS = [...DISTRICT_ROLES, 'city_supervisor'] as const;

/**
 * The case core over HTTP: every command of the machine (POST, with an
 * Idempotency-Key and optionally If-Match: <version>), and the queries. Thin:
 * the use cases check rooms, guards and input; errors render as problem+json.
 */
export function caseRoutes({ db, readDb = db, clock }: CaseRouteDeps): RouteSpec[] {
  const time = () => {
    const now = clock();
    return { now, today: shanghaiDay(now) };
  };
  // Every person's command of the declared machine, each with its use case's input schema.
  const commandRoutes = caseCommands().map((c) => c.entry.offer({ db, time }, c.roles));
  return [
    route({
      method: 'GET',
      url: '/api/v1/notices/:code',
      summary: '核验积分通知书：按通知书上的核验码查询（信息已脱敏），或说明核验码无效、已被新的核定取代',
      tags: ['公开'],
      access: { public: true },
      schema: {
        // Accepted as printed: any case, spaces or dashes between the groups (normalised before lookup).
        params: noticeCodeParams,
        response: { 200: noticeVerificationSchema },
      },
      handler: async (req) => {
        // Codes are unguessable; the per-address throttle (src/http/throttles.ts) keeps enumeration slower still.
        const code = normaliseCode(req.params.code);
        if (!/^[0-9A-Z]{6,32}$/.test(code))
          throw new JifenError('validation_failed', '请求参数校验失败', [
            { path: '$params.code', message: '核验码格式不正确：应为通知书上印制的字母和数字' },
          ]);
        return verifyNotice(db, code);
      },
    }),
    route({
      method: 'POST',
      url: '/api/v1/units/register',
      summary: '用人单位网上注册（同时开立单位经办人账号；须经注册地区受理点核验后方可申报）',
      tags: ['单位'],
      access: { public: true },
      schema: {
        headers: idempotencyHeaders,
        body: commandBody(unitRegistrationInput, '单位注册'),
        response: { 200: createdUnitSchema, 201: createdUnitSchema },
      },
      handler: async (req, reply) => {
        const r = await registerUnitAccount(db, { input: req.body, idempotencyKey: idem(req), ...time() });
        reply.status(r.replayed ? 200 : 201);
        return r;
      },
    }),
    route({
      method: 'POST',
      url: '/api/v1/units/:id/verify',
      summary: '受理点核验本区单位（通过或驳回并说明理由）',
      tags: ['单位'],
      access: { roles: ['acceptance_clerk'], room: 'own_district', scope: 'cases:write' },
      schema: {
        params: caseId,
        headers: idempotencyHeaders,
        body: commandBody(verifyUnitBody, '核验单位'),
        response: { 200: unitVerificationSchema },
      },
      handler: (req) =>
        cases.verifyUnit(db, {
          actor: actorOf(req.actor!),
          idempotencyKey: idem(req),
          ...time(),
          input: { ...req.body, unitId: req.params.id },
        }),
    }),
    route({
      method: 'POST',
      url: '/api/v1/cases/:id/holder-account',
      summary: '为本单位申请人开立网上账号（初始密码只显示一次）',
      tags: ['申请'],
      access: { roles: ['employer_hr'], room: 'own_unit', scope: 'cases:write' },
      schema: {
        params: caseId,
        body: commandBody(holderLoginInput, '持证人账号'),
        response: { 201: holderLoginSchema },
      },
      handler: async (req, reply) => {
        const r = await createHolderLogin(db, {
          actor: req.actor!,
          caseId: req.params.id,
          input: req.body,
          ...time(),
        });
        reply.status(201);
        return r;
      },
    }),
    route({
      method: 'POST',
      url: '/api/v1/cases',
      summary: '为持证人创建积分账户并填报（领取居住证第3个工作日起）',
      tags: ['申请'],
      access: { roles: rolesOf('create_draft'), room: 'own_unit', scope: 'cases:write' },
      schema: {
        headers: idempotencyHeaders,
        body: commandBody(createDraftInput, '创建积分账户'),
        response: { 201: createdCaseSchema },
      },
      handler: async (req, reply) => {
        const r = await cases.createDraft(
          db,
          {
            actor: actorOf(req.actor!),
            idempotencyKey: idem(req),
            ...time(),
            input: req.body,
          },
          req.policy,
        );
        reply.status(201);
        return r;
      },
    }),
    ...commandRoutes,
    route({
      method: 'GET',
      url: '/api/v1/cases/:id',
      summary: '申请详情：状态、经办方、工作日期限、已等待天数、材料、核定',
      tags: ['申请'],
      access: { roles: CASE_READERS, room: 'own_case', scope: 'cases:read' },
      schema: { params: caseId, response: { 200: caseViewSchema } },
      handler: (req) =>
        cases.cachedCaseView(
          db,
          {
            actor: actorOf(req.actor!),
            caseId: req.params.id,
            ...time(),
          },
          req.policy,
        ),
    }),
    route({
      method: 'GET',
      url: '/api/v1/districts/:district/queue',
      summary: '区受理/审核队列（最早的在前，显示已等待工作日）',
      tags: ['区'],
      access: { roles: OFFICERS, room: 'own_district', scope: 'cases:read' },
      schema: {
        params: district,
        querystring: queueQuery,
        response: { 200: z.array(caseListItemSchema) },
      },
      handler: (req) => {
        const q = req.query;
        const [key, id] = q.after?.split('~') ?? [];
        // The cursor's key is the order's: the submission time, or the deadline (deadlineOrder.ts).
        const after =
          key && id
            ? q.orderBy === 'deadline'
              ? { afterDeadline: { dueDate: key, id } }
              : { after: { submittedAt: key, id } }
            : {};
        return cases.districtQueue(
          readDb,
          {
            actor: actorOf(req.actor!),
            district: req.params.district,
            today: time().today,
            ...(q.state ? { state: q.state } : {}),
            ...(q.orderBy ? { orderBy: q.orderBy } : {}),
            ...(q.limit ? { limit: q.limit } : {}),
            ...after,
          },
          req.policy,
        );
      },
    }),
    route({
      method: 'GET',
      url: '/api/v1/districts/:district/statistics',
      summary: '区统计：各状态数量、受理与核定用时中位数、期限达成率、一次性告知原因',
      tags: ['区'],
      access: { roles: OFFICERS, room: 'own_district', scope: 'stats:read' },
      schema: { params: district, response: { 200: districtStatisticsSchema } },
      handler: (req) =>
        cases.districtStatistics(
          readDb,
          {
            actor: actorOf(req.actor!),
            district: req.params.district,
            today: time().today,
          },
          req.policy,
        ),
    }),
    route({
      method: 'GET',
      url: '/api/v1/units/:id/cases',
      summary: '本单位的申请列表（状态、期限、提醒）',
      tags: ['单位'],
      access: { roles: ['employer_hr', 'city_supervisor'], room: 'own_unit', scope: 'cases:read' },
      schema: {
        params: caseId,
        querystring: unitCasesQuery,
        response: { 200: z.array(caseListItemSchema) },
      },
      handler: (req) =>
        cases.unitCases(
          readDb,
          {
            actor: actorOf(req.actor!),
            unitId: req.params.id,
            today: time().today,
            ...(req.query.orderBy ? { orderBy: req.query.orderBy } : {}),
          },
          req.policy,
        ),
    }),
    route({
      method: 'GET',
      url: '/api/v1/holders/:id/cases',
      summary: '持证人本人的申请与核定',
      tags: ['持证人'],
      access: { roles: ['holder', 'city_supervisor'], room: 'own_case', scope: 'cases:read' },
      schema: { params: caseId, response: { 200: z.array(holderCaseSchema) } },
      handler: (req) =>
        cases.holderCases(
          readDb,
          {
            actor: actorOf(req.actor!),
            holderId: req.params.id,
            today: time().today,
          },
          req.policy,
        ),
    }),
  ];
}
