import { readBool, type Executor } from './dialectSpecifics.js';
import type { Database, District, ReviewTaskStatus, Role } from './schema.js';

/**
 * The read model of officers' workload: the officers of the given roles (one district or
 * all), by district, role and name; and the review tasks still to do (`toDo`) of cases under
 * review or verified, opened in [lo, hi) when given, counted with their cases per district
 * and assignee (null: nobody assigned yet).
 */
export async function officerWorkloadRows(
  db: Executor<Database>,
  q: {
    district?: District | undefined;
    lo?: string | undefined;
    hi?: string | undefined;
    roles: readonly Role[];
    toDo: readonly ReviewTaskStatus[];
  },
) {
  const officers = await db
    .selectFrom('users')
    .select(['id', 'displayName', 'role', 'district', 'active'])
    .where('role', 'in', [...q.roles])
    .where('district', 'is not', null)
    .$if(q.district !== undefined, (b) => b.where('district', '=', q.district!))
    .orderBy('district')
    .orderBy('role')
    .orderBy('displayName')
    .execute();
  const tasks = await db
    .selectFrom('reviewTasks')
    .innerJoin('cases', 'cases.id', 'reviewTasks.caseId')
    .select([
      'cases.district',
      'reviewTasks.assignedTo',
      (eb) => eb.fn.countAll<number>().as('tasks'),
      (eb) => eb.fn.count<number>('reviewTasks.caseId').distinct().as('cases'),
    ])
    .where('reviewTasks.status', 'in', [...q.toDo])
    .where('cases.state', 'in', ['under_review', 'verified'])
    .$if(q.district !== undefined, (b) => b.where('cases.district', '=', q.district!))
    .$if(q.lo !== undefined, (b) => b.where('cases.createdAt', '>=', q.lo!))
    .$if(q.hi !== undefined, (b) => b.where('cases.createdAt', '<', q.hi!))
    .groupBy(['cases.district', 'reviewTasks.assignedTo'])
    .execute();
  return {
    officers: officers.map((o) => ({ ...o, active: readBool(o.active) })),
    tasks: tasks.map((t) => ({ ...t, tasks: Number(t.tasks), cases: Number(t.cases) })),
  };
}
