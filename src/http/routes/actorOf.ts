import type { Actor as Account } from '../../accounts/Actor.js';
import type { Actor } from '../../workflow/types.js';

/** The workflow actor of a logged-in account: a holder acts as their holder record (own case). */
export const actorOf = (a: Account): Actor => ({
  id: a.role === 'holder' ? (a.holderId ?? a.id) : a.id,
  role: a.role,
  unitId: a.unitId,
  district: a.district,
});
