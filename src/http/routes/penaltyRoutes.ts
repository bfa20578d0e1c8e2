import type { Kysely } from 'kysely';
import { recordPenalty, recordPenaltyInput } from '../../city/recordPenalty.js';
import { idempotencyHeaders } from '../../contract/requests.js';
import { recordedPenaltySchema } from '../../contract/statistics.js';
import type { Database } from '../../storage/schema.js';
import { route, type RouteSpec } from '../routeSpec.js';
import { commandBody } from '../validation.js';
import { actorOf } from './actorOf.js';
import { idempotencyKeyOf, shanghaiDay } from './commandHeaders.js';

/**
 * 登记处罚 (细则 第十四条; docs/spec/workflow.md Penalties): the city supervisor records a
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
        headers: idempotencyHeaders,
        body: commandBody(recordPenaltyInput, '登记处罚'),
        response: { 200: recordedPenaltySchema, 201: recordedPenaltySchema },
      },
      handler: async (req, reply) => {
        const now = clock();
        const r = await recordPenalty(
          db,
          {
            actor: actorOf(req.actor!),
            idempotencyKey: idempotencyKeyOf(req),
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
