/**
 * 人员工作量 (issue 15): for each district officer, the review tasks assigned to
 * them that are still to be done and the cases those tasks belong to; per
 * district, the tasks nobody has been assigned yet. The city sees every
 * district; the figures follow the date range of the dashboard.
 */
import type { Kysely } from 'kysely';
import { JifenError } from '../shared/errors.js';
import { DISTRICTS } from '../shared/vocabulary.js';
import { z } from '../shared/zodLocale.js';
import { officerWorkloadRows } from '../storage/officerWorkloadRows.js';
import type { Database, District } from '../storage/schema.js';
import type { Actor } from '../workflow/index.js';
import { createdBounds, dateRangeFields } from './dateRange.js';

export const workloadQuery = z.strictObject({ district: z.enum(DISTRICTS).optional(), ...dateRangeFields });
export type WorkloadQuery = z.output<typeof workloadQuery>;

/** Officers whose work is counted: the district's reviewers and approvers (workflow.md rooms). */
const OFFICER_ROLES = ['district_reviewer', 'district_approver'] as const;
const TO_DO = ['open', 'referred'] as const;

export async function officerWorkload(db: Kysely<Database>, req: { actor: Actor; query: WorkloadQuery }) {
  // A district's reviewers and approvers see their own district's officers, to assign review tasks by name.
  const ownDistrict =
    (OFFICER_ROLES as readonly string[]).includes(req.actor.role) &&
    req.query.district !== undefined &&
    req.query.district === req.actor.district;
  if (req.actor.role !== 'city_supervisor' && !ownDistrict)
    throw new JifenError('forbidden', '仅市级监督人员可查看各区人员工作量', [], {
      role: req.actor.role,
      reason: 'role',
    });
  const q = req.query;
  const { lo, hi } = createdBounds(q);
  const { officers, tasks } = await officerWorkloadRows(db, {
    district: q.district,
    lo,
    hi,
    roles: OFFICER_ROLES,
    toDo: TO_DO,
  });
  const key = (district: string, officer: string | null) => `${district}\u0000${officer ?? ''}`;
  const counts = new Map(tasks.map((t) => [key(t.district, t.assignedTo), t]));
  const districts = [...new Set([...officers.map((o) => o.district!), ...tasks.map((t) => t.district)])];
  const order = (d: string) => DISTRICTS.indexOf(d as District);
  return {
    districts: districts
      .sort((a, b) => order(a) - order(b))
      .map((district) => {
        const unassigned = counts.get(key(district, null));
        return {
          district,
          unassignedTasks: unassigned?.tasks ?? 0,
          unassignedCases: unassigned?.cases ?? 0,
          officers: officers
            .filter((o) => o.district === district)
            .map((o) => {
              const c = counts.get(key(district, o.id));
              return {
                id: o.id,
                name: o.displayName,
                role: o.role,
                active: o.active,
                openTasks: c?.tasks ?? 0,
                openCases: c?.cases ?? 0,
              };
            }),
        };
      }),
  };
}
