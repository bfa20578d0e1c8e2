import type { Kysely } from 'kysely';
import { z } from 'zod';
import { assignTask } from '../../cases/index.js';
import { officerWorkload, workloadQuery, type WorkloadQuery } from '../../city/officerWorkload.js';
import type { Database } from '../../storage/schema.js';
import { route, type RouteSpec } from '../routeSpec.js';
import { actorOf, idem, ifMatch } from './caseRoutes.js';

const shanghaiDay = (instant: string): string =>
  new Date(Date.parse(instant) + 8 * 3_600_000).toISOString().slice(0, 10);

/**
 * Work distribution (issue 15): naming the reviewer of a review task (the
 * declared machine's `assign_task`: the district's reviewers and approvers, and
 * the city), and the city's view of each district officer's open work.
 */
export function taskRoutes({ db, clock }: { db: Kysely<Database>; clock: () => string }): RouteSpec[] {
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
        params: z.strictObject({ id: z.string().min(1).max(100), taskId: z.string().min(1).max(100) }),
        body: z.strictObject({ assigneeId: z.string().min(1).max(100) }),
      },
      handler: (req) => {
        const now = clock();
        const p = req.params as { id: string; taskId: string };
        return assignTask(
          db,
          {
            actor: actorOf(req.actor!),
            caseId: p.id,
            expectedVersion: ifMatch(req),
            idempotencyKey: idem(req),
            now,
            today: shanghaiDay(now),
            input: { taskId: p.taskId, assigneeId: (req.body as { assigneeId: string }).assigneeId },
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
      schema: { querystring: workloadQuery },
      handler: (req) =>
        officerWorkload(db, { actor: actorOf(req.actor!), query: req.query as WorkloadQuery }),
    }),
  ];
}
