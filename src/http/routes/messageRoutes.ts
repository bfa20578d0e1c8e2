import type { Kysely } from 'kysely';
import { holderMessageCentre, markUnitMessages, unitMessageCentre } from '../../notify/messageCentre.js';
import type { Database } from '../../storage/schema.js';
import {
  holderMessagesSchema,
  markedMessagesSchema,
  unitMessageCentreSchema,
} from '../../contract/counter.js';
import { idParams } from '../../contract/query.js';
import { holderMessagesQuery, markMessagesBody, messageCentreQuery } from '../../contract/requests.js';
import { route, type RouteSpec } from '../routeSpec.js';
import { actorOf } from './caseRoutes.js';

/** The message centre of units and holders (issue 15). */
export function messageRoutes({ db, clock }: { db: Kysely<Database>; clock: () => string }): RouteSpec[] {
  return [
    route({
      method: 'GET',
      url: '/api/v1/units/:id/message-centre',
      summary: '单位消息中心：办理通知、短信未送达提醒，未读数量',
      tags: ['单位'],
      access: { roles: ['employer_hr', 'city_supervisor'], room: 'own_unit', scope: 'cases:read' },
      schema: {
        params: idParams,
        querystring: messageCentreQuery,
        response: { 200: unitMessageCentreSchema },
      },
      handler: (req) => {
        const q = req.query;
        return unitMessageCentre(db, {
          actor: actorOf(req.actor!),
          unitId: req.params.id,
          limit: q.limit,
          offset: q.offset,
          unreadOnly: q.unread === 'true',
        });
      },
    }),
    route({
      method: 'POST',
      url: '/api/v1/units/:id/message-centre/read',
      summary: '将单位消息标记为已读（指定消息或全部）',
      tags: ['单位'],
      access: { roles: ['employer_hr'], room: 'own_unit', scope: 'cases:write' },
      schema: {
        params: idParams,
        body: markMessagesBody,
        response: { 200: markedMessagesSchema },
      },
      handler: (req) =>
        markUnitMessages(db, {
          actor: actorOf(req.actor!),
          unitId: req.params.id,
          ids: req.body.ids ?? null,
          now: clock(),
        }),
    }),
    route({
      method: 'GET',
      url: '/api/v1/holders/:id/messages',
      summary: '持证人消息：发给本人的短信及送达状态',
      tags: ['持证人'],
      access: { roles: ['holder', 'city_supervisor'], room: 'own_case', scope: 'cases:read' },
      schema: {
        params: idParams,
        querystring: holderMessagesQuery,
        response: { 200: holderMessagesSchema },
      },
      handler: (req) =>
        holderMessageCentre(
          db,
          {
            actor: actorOf(req.actor!),
            holderId: req.params.id,
            limit: req.query.limit,
          },
          req.policy.templates,
        ),
    }),
  ];
}
