import type { Kysely } from 'kysely';
import { z } from 'zod';
import { recordPenalty } from '../../city/recordPenalty.js';
import type { Database } from '../../storage/schema.js';
import { route, type RouteSpec } from '../routeSpec.js';
import { actorOf, idem } from './caseRoutes.js';

const shanghaiDay = (instant: string): string =>
  new Date(Date.parse(instant) + 8 * 3_600_000).toISOString().slice(0, 10);

/**
 * 登记处罚 (细则 第十四条; workflow.md Penalties): the city supervisor records a
 * penalty against a person or a unit on its own, with its legal basis — not only
 * through a correction. Idempotency-Key required; audited as `record_penalty`.
 */
export function penaltyRoutes({ db, clock }: { db: Kysely<Database>; clock: () => string }): RouteSpec[] {
  return [
    route({
      method: 'POST',
      url: '/api/v1/city/penalties',
      summary: '登记处罚（个人：虚假材料记录、信用记录、情节严重的限制申请；单位：罚款、信用记录、限制代办）',
      tags: ['市级监督'],
      access: { roles: ['city_supervisor'], room: 'city', scope: 'cases:write' },
      schema: {
        body: z.record(z.string(), z.unknown()),
        response: {
          200: z.object({
            penaltyIds: z.array(z.string()),
            kinds: z.array(z.string()),
            replayed: z.boolean(),
          }),
          201: z.object({
            penaltyIds: z.array(z.string()),
            kinds: z.array(z.string()),
            replayed: z.boolean(),
          }),
        },
      },
      handler: async (req, reply) => {
        const now = clock();
        const r = await recordPenalty(
          db,
          {
            actor: actorOf(req.actor!),
            idempotencyKey: idem(req),
            now,
            today: shanghaiDay(now),
            input: req.body,
          },
          req.policy,
        );
        reply.status(r.replayed ? 200 : 201);
        return r;
      },
    }),
  ];
}
