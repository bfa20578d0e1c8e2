import type { Kysely } from 'kysely';
import { z } from 'zod';
import { assignTask } from '../../cases/index.js';
import { officerWorkload, workloadQuery } from '../../city/officerWorkload.js';
import { commandResultSchema } from '../../contract/cases.js';
import { caseCommandHeaders, districtParams } from '../../contract/requests.js';
import { officerWorkloadSchema } from '../../contract/statistics.js';
import type { Database } from '../../storage/schema.js';
import { route, type RouteSpec } from '../routeSpec.js';
import { actorOf } from './actorOf.js';
import { expectedVersionOf, idempotencyKeyOf, shanghaiDay } from './commandHeaders.js';

const taskParams = z.strictObject({ id: z.string().min(1).max(100), taskId: z.string().min(1).max(100) });
const assigneeBody = z.strictObject({ assigneeId: z.string().min(1).max(100) });

/**
 * Work distribution (issue 15): naming the reviewer of a review task (the
 * declared machine's `assign_task`: the district's reviewers and approvers, and
 * the city), and the city's view of each district officer's open work.
 */
export function taskRoutes({
  db,
  readDb = db,
  clock,
}: {
  db: Kysely<Database>;
  readDb?: Kysely<Database>;
  clock: () => string;
}): RouteSpec[] {
  return [
    route({
      method: 'PUT',
      url: '/api/v1/cases/:id/tasks/:taskId/assignee',
      summary: '分派审核人员：指定本区一名审核人员办理该审核项（不改变任何期限）',
      tags: ['申请'],
      access: {
        roles: ['district_reviewer', 'district_approver', 'city_supervisor'],
        room: 'own_case',
        scope: 'cases:write',
      },
      schema: {
        params: taskParams,
        headers: caseCommandHeaders,
        body: assigneeBody,
        response: { 200: commandResultSchema },
      },
      handler: (req) => {
        const now = clock();
        return assignTask(
          db,
          {
            actor: actorOf(req.actor!),
            caseId: req.params.id,
            expectedVersion: expectedVersionOf(req),
            idempotencyKey: idempotencyKeyOf(req),
            now,
            today: shanghaiDay(now),
            input: { taskId: req.params.taskId, assigneeId: req.body.assigneeId },
          },
          req.policy,
        );
      },
    }),
    route({
      method: 'GET',
      url: '/api/v1/city/workload',
      summary: '各区人员工作量：每名审核、核定人员名下待办的审核项与案件数，及尚未分派的审核项',
      tags: ['市级监督'],
      access: { roles: ['city_supervisor'], room: 'city', scope: 'stats:read' },
      schema: { querystring: workloadQuery, response: { 200: officerWorkloadSchema } },
      // A list for the dashboard: the read pool (never a version behind an If-Match).
      handler: (req) => officerWorkload(readDb, { actor: actorOf(req.actor!), query: req.query }),
    }),
    route({
      method: 'GET',
      url: '/api/v1/districts/:district/workload',
      summary: '本区人员工作量：本区每名审核、核定人员名下待办的审核项（分派审核人员时按姓名选择）',
      tags: ['区'],
      access: {
        roles: ['district_reviewer', 'district_approver'],
        room: 'own_district',
        scope: 'cases:read',
      },
      schema: { params: districtParams, response: { 200: officerWorkloadSchema } },
      handler: (req) =>
        officerWorkload(readDb, { actor: actorOf(req.actor!), query: { district: req.params.district } }),
    }),
  ];
}
