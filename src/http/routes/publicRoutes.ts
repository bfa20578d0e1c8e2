import { checklist } from '../../checklist/index.js';
import { score } from '../../engine/score.js';
import { DEFAULT_HORIZON_MONTHS, MAX_HORIZON_MONTHS, plan } from '../../planner/index.js';
import { precheck } from '../../precheck/index.js';
import { profileSchema } from '../../contract/profile.js';
import { planSchema } from '../../contract/plan.js';
import { precheckResultSchema } from '../../contract/precheck.js';
import { checklistResultSchema } from '../../contract/checklist.js';
import { rulesInForceSchema, workdaysAddSchema, workdaysBetweenSchema } from '../../contract/rules.js';
import { scoreResultSchema } from '../../contract/scoreResult.js';
import { explainQuery } from '../../contract/query.js';
import { planQuery, rulesQuery, workdaysAddQuery, workdaysBetweenQuery } from '../../contract/requests.js';
import { rulesInForce } from '../../rules/rulesInForce.js';
import { parseAssume } from '../../planner/parseAssume.js';
import type { RenderPool } from '../renderPool.js';
import { JifenError, type FieldIssue } from '../../shared/errors.js';
import { route, type RouteSpec } from '../routeSpec.js';

const PUBLIC = { public: true } as const;

/**
 * The public doors to the engine: anyone may simulate, plan, pre-check and look up the rules.
 * Planning is the heavy one: with a render pool it runs in a worker thread, off the event loop.
 */
export const publicRoutes = (render?: RenderPool): RouteSpec[] => [
  route({
    method: 'POST',
    url: '/api/v1/score',
    summary: '模拟估分：按申请日适用的政策计算积分（结果契约 v1）',
    tags: ['公开'],
    access: PUBLIC,
    schema: { body: profileSchema, querystring: explainQuery, response: { 200: scoreResultSchema } },
    handler: (req) => score(req.body, { explain: req.query.explain !== 'false' }, req.policy.rules),
  }),
  route({
    method: 'POST',
    url: '/api/v1/plan',
    summary: '达标方案：“不做改变”的逐月预测、达到120分的日期，以及按日期排序的可选方案（方案契约 v1）',
    tags: ['公开'],
    access: PUBLIC,
    schema: {
      body: profileSchema,
      querystring: planQuery(MAX_HORIZON_MONTHS),
      response: { 200: planSchema },
    },
    handler: (req) => {
      const q = req.query;
      const issues: FieldIssue[] = [];
      const assumptions = parseAssume(
        q.assume === undefined ? [] : [q.assume].flat(),
        issues,
        '$query.assume',
      );
      if (issues.length) throw new JifenError('validation_failed', '请求参数校验失败', issues);
      const horizonMonths = q.horizon ?? DEFAULT_HORIZON_MONTHS;
      return render
        ? render.plan(req.body, horizonMonths, assumptions)
        : plan(req.body, { horizonMonths, assumptions }, req.policy);
    },
  }),
  route({
    method: 'POST',
    url: '/api/v1/precheck',
    summary: '申请条件预检（rules.md §6）：逐项通过/不通过/未知，附原因代码与依据',
    tags: ['公开'],
    access: PUBLIC,
    schema: { body: profileSchema, response: { 200: precheckResultSchema } },
    handler: (req) => precheck(req.body, { rules: req.policy.rules, calendar: req.policy.calendar }),
  }),
  route({
    method: 'POST',
    url: '/api/v1/checklist',
    summary: '个性化申请材料清单：按申报的指标与家庭情况列出材料',
    tags: ['公开'],
    access: PUBLIC,
    schema: { body: profileSchema, response: { 200: checklistResultSchema } },
    handler: (req) => checklist(req.body, req.policy.catalogue),
  }),
  route({
    method: 'GET',
    url: '/api/v1/rules',
    summary: '政策参数查询：某日有效的全部参数、生效期间与依据',
    tags: ['公开'],
    access: PUBLIC,
    schema: {
      querystring: rulesQuery,
      response: { 200: rulesInForceSchema },
    },
    handler: (req) => {
      const rules = req.policy.rules;
      return rulesInForce(rules, req.query.at ?? rules.versions.at(-1)!.from);
    },
  }),
  route({
    method: 'GET',
    url: '/api/v1/workdays/add',
    summary: '工作日推算：某日之后第 N 个工作日（含调休）',
    tags: ['公开'],
    access: PUBLIC,
    schema: {
      querystring: workdaysAddQuery,
      response: { 200: workdaysAddSchema },
    },
    handler: (req) => {
      const q = req.query;
      return { date: q.date, n: q.n, result: req.policy.calendar.addWorkdays(q.date, q.n) };
    },
  }),
  route({
    method: 'GET',
    url: '/api/v1/workdays/between',
    summary: '两日之间的工作日数（不含起始日，含结束日）',
    tags: ['公开'],
    access: PUBLIC,
    schema: {
      querystring: workdaysBetweenQuery,
      response: { 200: workdaysBetweenSchema },
    },
    handler: (req) => {
      const q = req.query;
      return { from: q.from, to: q.to, workdays: req.policy.calendar.workdaysBetween(q.from, q.to) };
    },
  }),
];
