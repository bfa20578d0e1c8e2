import type { FastifyRequest } from 'fastify';
import type { Kysely } from 'kysely';
import { z } from 'zod';
import type { Actor as Account } from '../../accounts/Actor.js';
import { createHolderLogin } from '../../accounts/createHolderLogin.js';
import { registerUnitAccount } from '../../accounts/registerUnitAccount.js';
import * as cases from '../../cases/index.js';
import { verifyNotice } from '../../cases/queries/verifyNotice.js';
import type { CaseDeps, CommandRequest } from '../../cases/index.js';
import { DISTRICT_ROLES, DISTRICTS, ROLES } from '../../shared/vocabulary.js';
import { CASE_STATES } from '../../storage/schema.js';
import { JifenError } from '../../shared/errors.js';
import type { Database } from '../../storage/schema.js';
import { describeMachine } from '../../workflow/index.js';
import type { Actor } from '../../workflow/types.js';
import { decimalInt } from '../schemas.js';
import { route, type RouteSpec } from '../routeSpec.js';
import { normaliseCode } from './verifyPageRoutes.js';

export interface CaseRouteDeps {
  db: Kysely<Database>;
  /** Lists and statistics (never a version behind an If-Match): a replica or a separate pool. */
  readDb?: Kysely<Database>;
  clock: () => string;
}

/** The workflow actor of a logged-in account: a holder acts as their holder record (own case). */
export const actorOf = (a: Account): Actor => ({
  id: a.role === 'holder' ? (a.holderId ?? a.id) : a.id,
  role: a.role,
  unitId: a.unitId,
  district: a.district,
});

/** Shanghai's calendar day of an instant (UTC+8, no daylight saving): the `today` of deadlines. */
const shanghaiDay = (instant: string): string =>
  new Date(Date.parse(instant) + 8 * 3_600_000).toISOString().slice(0, 10);

/** Roles the declared machine allows for a command, in any state (the machine makes the final check). */
function rolesOf(command: string): string[] {
  const roles = new Set<string>();
  for (const s of describeMachine().states)
    for (const c of s.commands) if (c.command === command) for (const a of c.allow) roles.add(a.role);
  roles.delete('system');
  return [...roles];
}

const idem = (req: FastifyRequest): string => {
  const key = req.headers['idempotency-key'];
  if (typeof key !== 'string' || !/^[\w.:-]{8,128}$/.test(key))
    throw new JifenError(
      'validation_failed',
      '命令须带 Idempotency-Key 请求头（8–128 位字母、数字或 _.:-）',
      [{ path: '$headers.idempotency-key', message: '缺少或格式不正确' }],
    );
  return key;
};
const ifMatch = (req: FastifyRequest): number | undefined => {
  const v = req.headers['if-match'];
  if (v === undefined) return undefined;
  // The case's version, as digits (an entity tag may quote it): `0x1`, `1e0`, ` 1` are not versions.
  const m = /^(?:(\d{1,9})|"(\d{1,9})")$/.exec(String(v));
  const n = m ? Number(m[1] ?? m[2]) : NaN;
  if (!Number.isInteger(n))
    throw new JifenError('validation_failed', 'If-Match 应为申请的版本号', [
      { path: '$headers.if-match', message: '应为整数版本号' },
    ]);
  return n;
};

type UseCase = (db: Kysely<Database>, req: CommandRequest<unknown>, deps: CaseDeps) => Promise<unknown>;

/** Each case command of the machine, its URL segment and the use case that carries it out. */
const COMMANDS: Array<{ segment: string; command: string; summary: string; run: UseCase }> = [
  {
    segment: 'submit',
    command: 'submit',
    summary: '单位网上提交申请（先预检）',
    run: cases.submitApplication as UseCase,
  },
  {
    segment: 'withdraw',
    command: 'withdraw',
    summary: '撤回申请',
    run: cases.withdrawApplication as UseCase,
  },
  {
    segment: 'accept',
    command: 'accept',
    summary: '受理：材料齐全，出具收件凭证',
    run: cases.acceptApplication as UseCase,
  },
  {
    segment: 'return',
    command: 'return_with_notice',
    summary: '退回：一次性告知单',
    run: cases.returnWithNotice as UseCase,
  },
  { segment: 'resubmit', command: 'resubmit', summary: '补齐材料后重新提交', run: cases.resubmit as UseCase },
  {
    segment: 'urgency-note',
    command: 'attach_urgency_note',
    summary: '附加加急说明（不改变法定期限）',
    run: cases.attachUrgencyNote as UseCase,
  },
  {
    segment: 'start-review',
    command: 'start_review',
    summary: '开始审核',
    run: cases.startReview as UseCase,
  },
  {
    segment: 'task-result',
    command: 'record_task_result',
    summary: '记录审核项结果',
    run: cases.recordTaskResult as UseCase,
  },
  {
    segment: 'refer',
    command: 'refer_item',
    summary: '提请主管部门核实（暂停计时）',
    run: cases.referItem as UseCase,
  },
  {
    segment: 'settle-referral',
    command: 'settle_referral',
    summary: '核实结果返回',
    run: cases.settleReferral as UseCase,
  },
  { segment: 'verify', command: 'verify', summary: '审核属实', run: cases.verifyApplication as UseCase },
  {
    segment: 'refuse',
    command: 'refuse',
    summary: '不予积分（附理由与依据）',
    run: cases.refuseApplication as UseCase,
  },
  {
    segment: 'determine',
    command: 'determine',
    summary: '核定积分（由规则引擎计算，不可手填）',
    run: cases.determinePoints as UseCase,
  },
  {
    segment: 'confirm-endorsement',
    command: 'confirm_at_endorsement',
    summary: '签注时确认积分',
    run: cases.confirmAtEndorsement as UseCase,
  },
  {
    segment: 'request-adjustment',
    command: 'request_adjustment',
    summary: '申请调整积分',
    run: cases.requestAdjustment as UseCase,
  },
  {
    segment: 'decrease',
    command: 'apply_decrease',
    summary: '扣减积分（新的核定）',
    run: cases.applyDecrease as UseCase,
  },
  {
    segment: 'correct',
    command: 'correct',
    summary: '市级监督纠正积分（新的核定）',
    run: cases.correctPoints as UseCase,
  },
  {
    segment: 'reconsideration',
    command: 'request_reconsideration',
    summary: '申请复核',
    run: cases.requestReconsideration as UseCase,
  },
  {
    segment: 'reconsideration-decision',
    command: 'decide_reconsideration',
    summary: '复核决定',
    run: cases.decideReconsideration as UseCase,
  },
];

const caseId = z.strictObject({ id: z.string().min(1).max(100) });
const district = z.strictObject({ district: z.enum(DISTRICTS) });
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
  const commandRoutes = COMMANDS.map((c) =>
    route({
      method: 'POST',
      url: `/api/v1/cases/:id/${c.segment}`,
      summary: c.summary,
      tags: ['申请'],
      access: { roles: rolesOf(c.command), room: 'own_case', scope: 'cases:write' },
      schema: { params: caseId, body: z.record(z.string(), z.unknown()) },
      handler: (req) =>
        c.run(
          db,
          {
            actor: actorOf(req.actor!),
            caseId: (req.params as { id: string }).id,
            expectedVersion: ifMatch(req),
            idempotencyKey: idem(req),
            ...time(),
            input: req.body,
          },
          req.policy,
        ),
    }),
  );
  return [
    route({
      method: 'GET',
      url: '/api/v1/notices/:code',
      summary: '核验积分通知书：按通知书上的核验码查询（信息已脱敏），或说明核验码无效、已被新的核定取代',
      tags: ['公开'],
      access: { public: true },
      schema: {
        // Accepted as printed: any case, spaces or dashes between the groups (normalised before lookup).
        params: z.strictObject({ code: z.string().max(64) }),
      },
      handler: async (req) => {
        // Codes are unguessable; the per-address throttle (src/http/throttles.ts) keeps enumeration slower still.
        const code = normaliseCode((req.params as { code: string }).code);
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
      schema: { body: z.record(z.string(), z.unknown()) },
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
      schema: { params: caseId, body: z.record(z.string(), z.unknown()) },
      handler: (req) =>
        cases.verifyUnit(db, {
          actor: actorOf(req.actor!),
          idempotencyKey: idem(req),
          ...time(),
          input: { ...(req.body as object), unitId: (req.params as { id: string }).id } as never,
        }),
    }),
    route({
      method: 'POST',
      url: '/api/v1/cases/:id/holder-account',
      summary: '为本单位申请人开立网上账号（初始密码只显示一次）',
      tags: ['申请'],
      access: { roles: ['employer_hr'], room: 'own_unit', scope: 'cases:write' },
      schema: { params: caseId, body: z.record(z.string(), z.unknown()) },
      handler: async (req, reply) => {
        const r = await createHolderLogin(db, {
          actor: req.actor!,
          caseId: (req.params as { id: string }).id,
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
      schema: { body: z.record(z.string(), z.unknown()) },
      handler: async (req, reply) => {
        const key = idem(req);
        const body = req.body as Record<string, unknown>;
        const r = await cases.createDraft(
          db,
          {
            actor: actorOf(req.actor!),
            idempotencyKey: key,
            ...time(),
            input: body as never,
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
      schema: { params: caseId },
      handler: (req) =>
        cases.getCaseView(
          db,
          {
            actor: actorOf(req.actor!),
            caseId: (req.params as { id: string }).id,
            today: time().today,
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
        querystring: z.strictObject({
          state: z.enum(CASE_STATES).optional(),
          orderBy: z.enum(['oldest', 'urgency']).optional(),
          limit: decimalInt(1, 200).optional(),
          /** Keyset cursor of the next page: `<submittedAt>~<caseId>` of the last row seen. */
          after: z
            .string()
            .regex(/^[\dT:.Z-]{10,30}~[\w.:-]{1,100}$/, { message: '应为上一页最后一行的 提交时间~编号' })
            .optional(),
        }),
      },
      handler: (req) => {
        const q = req.query as {
          state?: (typeof CASE_STATES)[number];
          orderBy?: 'oldest' | 'urgency';
          limit?: number;
          after?: string;
        };
        const [submittedAt, id] = q.after?.split('~') ?? [];
        return cases.districtQueue(
          readDb,
          {
            actor: actorOf(req.actor!),
            district: (req.params as { district: (typeof DISTRICTS)[number] }).district,
            today: time().today,
            ...(q.state ? { state: q.state } : {}),
            ...(q.orderBy ? { orderBy: q.orderBy } : {}),
            ...(q.limit ? { limit: q.limit } : {}),
            ...(submittedAt && id ? { after: { submittedAt, id } } : {}),
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
      schema: { params: district },
      handler: (req) =>
        cases.districtStatistics(
          readDb,
          {
            actor: actorOf(req.actor!),
            district: (req.params as { district: (typeof DISTRICTS)[number] }).district,
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
      schema: { params: caseId },
      handler: (req) =>
        cases.unitCases(
          readDb,
          {
            actor: actorOf(req.actor!),
            unitId: (req.params as { id: string }).id,
            today: time().today,
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
      schema: { params: caseId },
      handler: (req) =>
        cases.holderCases(
          readDb,
          {
            actor: actorOf(req.actor!),
            holderId: (req.params as { id: string }).id,
            today: time().today,
          },
          req.policy,
        ),
    }),
  ];
}
