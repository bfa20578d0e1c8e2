import { JifenError } from '../shared/errors.js';
import type { District } from '../shared/vocabulary.js';
import { hasStanding, type Actor, type CaseSnapshot } from '../workflow/index.js';

/** A list's room: a district's cases, a unit's, or the whole city's. */
export type ListRoom =
  { kind: 'district'; district: District } | { kind: 'unit'; unitId: string } | { kind: 'city' };

/**
 * Whoever may read every case of the room may list, search and export it: the
 * same standing predicate as reading one case (docs/spec/workflow.md "People and their
 * rooms"), asked about a case that would sit in that room.
 */
export function assertListRoom(actor: Actor, room: ListRoom): void {
  const probe = {
    district: room.kind === 'district' ? room.district : '',
    unitId: room.kind === 'unit' ? room.unitId : '',
    holderId: '',
  } as Pick<CaseSnapshot, 'district' | 'unitId' | 'holderId'> as CaseSnapshot;
  const allowed =
    room.kind === 'city'
      ? actor.role === 'city_supervisor'
      : actor.role !== 'holder' && actor.role !== 'admin' && hasStanding(actor, probe);
  if (!allowed)
    throw new JifenError('forbidden', '只能查看本区、本单位范围内的案件', [], {
      role: actor.role,
      reason: 'room',
    });
}
