import type { Kysely } from 'kysely';
import { z } from 'zod';
import { identityRevealBody, identityRevealSchema } from '../../contract/counter.js';
import { revealIdentity } from '../../counter/revealIdentity.js';
import { DISTRICT_ROLES } from '../../shared/vocabulary.js';
import type { Database } from '../../storage/schema.js';
import { route, type RouteSpec } from '../routeSpec.js';
import { actorOf } from './actorOf.js';

/**
 * 查看完整证件号 at the counter (issue 15). A POST with a required reason,
 * never a GET (a GET could be prefetched, cached or replayed from history).
 * District officers only, in the case's room; the scope is cases:write
 * because a reveal is an audited act that leaves a trace, which a read-only
 * token (a reporting integration) must not be able to cause. The answer is
 * never cached (`no-store`).
 */

export function identityRevealRoutes({
  db,
  clock,
}: {
  db: Kysely<Database>;
  clock: () => string;
}): RouteSpec[] {
  return [
    route({
      method: 'POST',
      url: '/api/v1/cases/:id/identity-reveal',
      summary: '查看完整证件号（须说明原因，留审计记录）',
      tags: ['申请'],
      access: { roles: [...DISTRICT_ROLES], room: 'own_case', scope: 'cases:write' },
      schema: {
        params: z.strictObject({ id: z.string().min(1).max(100) }),
        body: identityRevealBody,
        response: { 200: identityRevealSchema },
      },
      handler: async (req, reply) => {
        const r = await revealIdentity(db, {
          actor: actorOf(req.actor!),
          caseId: req.params.id,
          reason: req.body.reason,
          now: clock(),
        });
        void reply.header('cache-control', 'no-store').header('pragma', 'no-cache');
        return r;
      },
    }),
  ];
}
