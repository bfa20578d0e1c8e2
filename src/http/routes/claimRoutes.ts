import type { Kysely } from 'kysely';
import { updateClaims } from '../../cases/index.js';
import { commandResultSchema } from '../../contract/cases.js';
import { idParams } from '../../contract/query.js';
import { caseCommandHeaders } from '../../contract/requests.js';
import { JifenError } from '../../shared/errors.js';
import type { Database } from '../../storage/schema.js';
import { route, type RouteSpec } from '../routeSpec.js';
import { commandBody } from '../validation.js';
import { actorOf } from './actorOf.js';
import { expectedVersionOf, idempotencyKeyOf, shanghaiDay } from './commandHeaders.js';

/**
 * 修改申报指标 (issue 15): the unit's HR replaces the claims of a case until it is
 * submitted (and after a one-time notice, before resubmitting) — the declared
 * machine's `update_claims` decides when. Idempotency-Key required; If-Match
 * (required) guards against overwriting a newer version.
 */
export function claimRoutes({ db, clock }: { db: Kysely<Database>; clock: () => string }): RouteSpec[] {
  return [
    route({
      method: 'PUT',
      url: '/api/v1/cases/:id/claims',
      summary: '修改申报指标（提交前或补齐材料时；须带 If-Match 版本号以免覆盖他人修改）',
      tags: ['申请'],
      access: { roles: ['employer_hr'], room: 'own_unit', scope: 'cases:write' },
      schema: {
        params: idParams,
        headers: caseCommandHeaders,
        body: commandBody(updateClaims.input, updateClaims.what),
        response: { 200: commandResultSchema },
      },
      handler: (req) => {
        const now = clock();
        // The claims are replaced as a whole: without the version read, an edit made meanwhile would be lost.
        const expectedVersion = expectedVersionOf(req);
        if (expectedVersion === undefined)
          throw new JifenError('validation_failed', '修改申报指标须带 If-Match 请求头（申请的版本号）', [
            { path: '$headers.if-match', message: '缺少版本号' },
          ]);
        return updateClaims(
          db,
          {
            actor: actorOf(req.actor!),
            caseId: req.params.id,
            expectedVersion,
            idempotencyKey: idempotencyKeyOf(req),
            now,
            today: shanghaiDay(now),
            input: req.body,
          },
          req.policy,
        );
      },
    }),
  ];
}
