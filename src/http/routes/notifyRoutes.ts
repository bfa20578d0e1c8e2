import type { Kysely } from 'kysely';
import { z } from 'zod';
import { acceptDeliveryReports, deliveryReportsSchema } from '../../notify/acceptDeliveryReport.js';
import { SIGNATURE_HEADER, verifySignature } from '../../notify/requestSignature.js';
import { unitInbox, unitSmsStatus } from '../../notify/unitNotifications.js';
import { toFieldIssues } from '../../profile/validateProfile.js';
import { JifenError } from '../../shared/errors.js';
import type { Database } from '../../storage/schema.js';
import { deliveryReportResultSchema, unitInboxSchema, unitSmsSchema } from '../../contract/counter.js';
import { idParams } from '../../contract/query.js';
import { notificationListQuery } from '../../contract/requests.js';
import { route, type RouteSpec } from '../routeSpec.js';
import { actorOf } from './caseRoutes.js';

export interface NotifyRouteDeps {
  db: Kysely<Database>;
  clock: () => string;
  /** JIFEN_SMS_CALLBACK_SECRET; undefined refuses every report. */
  callbackSecret: string | undefined;
}

const unitParams = idParams;
const listQuery = notificationListQuery;

/**
 * The SMS gateway's delivery-report callback (signed, not logged in) and the
 * unit's view of its messages: the in-system messages, and the SMS to its
 * holders with their delivery status.
 */
export function notifyRoutes({ db, clock, callbackSecret }: NotifyRouteDeps): RouteSpec[] {
  return [
    route({
      method: 'POST',
      url: '/api/v1/sms/delivery-reports',
      summary: '短信网关投递回执（须带 X-Jifen-Signature 签名；重复回执不重复生效）',
      tags: ['短信'],
      access: { public: true },
      rawBody: true,
      // Validated below, after the signature: an unsigned caller learns nothing about the format.
      // Its format (deliveryReportsSchema) is the gateway's, not part of the public contract.
      schema: { body: z.unknown(), response: { 200: deliveryReportResultSchema } },
      handler: async (req) => {
        const header = req.headers[SIGNATURE_HEADER];
        const now = clock();
        if (
          !callbackSecret ||
          typeof req.rawBody !== 'string' ||
          !verifySignature(
            callbackSecret,
            req.rawBody,
            typeof header === 'string' ? header : undefined,
            Math.floor(Date.parse(now) / 1000),
          )
        )
          throw new JifenError('unauthenticated', '回执签名无效或已过期');
        const parsed = deliveryReportsSchema.safeParse(req.body);
        if (!parsed.success)
          throw new JifenError('validation_failed', '回执格式不正确', toFieldIssues(parsed.error.issues));
        return acceptDeliveryReports(db, parsed.data.reports, now, req.policy.templates);
      },
    }),
    route({
      method: 'GET',
      url: '/api/v1/units/:id/messages',
      summary: '本单位的站内消息（办理进度通知；短信未送达时转为单位消息）',
      tags: ['单位'],
      access: { roles: ['employer_hr', 'city_supervisor'], room: 'own_unit', scope: 'cases:read' },
      schema: { params: unitParams, querystring: listQuery, response: { 200: unitInboxSchema } },
      handler: (req) =>
        unitInbox(db, {
          actor: actorOf(req.actor!),
          unitId: req.params.id,
          ...(req.query.limit ? { limit: req.query.limit } : {}),
        }),
    }),
    route({
      method: 'GET',
      url: '/api/v1/units/:id/sms',
      summary: '发给本单位申请人的短信及投递状态（手机号已脱敏）',
      tags: ['单位'],
      access: { roles: ['employer_hr', 'city_supervisor'], room: 'own_unit', scope: 'cases:read' },
      schema: { params: unitParams, querystring: listQuery, response: { 200: unitSmsSchema } },
      handler: (req) =>
        unitSmsStatus(db, {
          actor: actorOf(req.actor!),
          unitId: req.params.id,
          ...(req.query.limit ? { limit: req.query.limit } : {}),
        }),
    }),
  ];
}
