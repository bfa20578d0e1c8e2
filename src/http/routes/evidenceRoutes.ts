import type { Kysely } from 'kysely';
import { z } from 'zod';
import { downloadEvidence, listCaseEvidence } from '../../evidence/downloadEvidence.js';
import { listCaseFacts } from '../../evidence/listCaseFacts.js';
import { pendingReconsiderations } from '../../evidence/pendingReconsiderations.js';
import { previewRedetermination } from '../../evidence/previewRedetermination.js';
import { DISTRICTS } from '../../shared/vocabulary.js';
import { MAX_FILE_BYTES, uploadEvidence } from '../../evidence/uploadEvidence.js';
import { ROLES } from '../../shared/vocabulary.js';
import type { Database } from '../../storage/schema.js';
import {
  evidenceFileSchema,
  pendingReconsiderationSchema,
  reconsiderationFactSchema,
  redeterminationPreviewSchema,
  type EvidenceFile,
} from '../../contract/evidence.js';
import { evidenceFileResponse } from '../../contract/files.js';
import { route, type RouteSpec } from '../routeSpec.js';
import { actorOf } from './caseRoutes.js';
import { shanghaiDay } from '../../shared/shanghaiDay.js';

export interface EvidenceRouteDeps {
  db: Kysely<Database>;
  clock: () => string;
}

const CASE_READERS = ROLES.filter((r) => r !== 'admin');
const params = z.strictObject({ id: z.string().min(1).max(100) });
type Evidence = EvidenceFile;
const shape = (e: Evidence): Evidence => ({
  id: e.id,
  reconsiderationId: e.reconsiderationId,
  fileName: e.fileName,
  contentType: e.contentType,
  size: e.size,
  sha256: e.sha256,
  createdAt: e.createdAt,
});

/** RFC 6266 / 5987: an ASCII fallback name and the real (Chinese) name percent-encoded. */
export function attachmentDisposition(fileName: string): string {
  const ext = fileName.match(/\.[a-z]{3,4}$/)?.[0] ?? '';
  const encoded = encodeURIComponent(fileName).replace(
    /['()*]/g,
    (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`,
  );
  return `attachment; filename="evidence${ext}"; filename*=UTF-8''${encoded}`;
}

/**
 * Evidence of a reconsideration (issue 15): the applicant (holder or the unit's
 * HR) uploads one file a request as the raw body (`?name=` the file's name);
 * everyone who may read the case lists and downloads. A download is always an
 * attachment with `nosniff` and never cached, so a file can never render or
 * run inside the application's origin.
 */
export function evidenceRoutes({ db, clock }: EvidenceRouteDeps): RouteSpec[] {
  return [
    route({
      method: 'GET',
      url: '/api/v1/districts/:district/reconsiderations',
      summary: '复核待处理：本区待决定的复核申请（按复核期限排列，显示剩余或超期工作日）',
      tags: ['复核', '区'],
      access: {
        roles: ['district_reviewer', 'district_approver', 'city_supervisor'],
        room: 'own_district',
        scope: 'cases:read',
      },
      schema: {
        params: z.strictObject({ district: z.enum(DISTRICTS) }),
        response: {
          200: z.strictObject({ items: z.array(pendingReconsiderationSchema) }),
        },
      },
      handler: async (req) => {
        const now = clock();
        return {
          items: await pendingReconsiderations(db, {
            actor: actorOf(req.actor!),
            district: req.params.district,
            today: shanghaiDay(now),
            calendar: req.policy.calendar,
          }),
        };
      },
    }),
    route({
      method: 'GET',
      url: '/api/v1/cases/:id/redetermination-preview',
      summary: '复核变更核定预览：按已核实的补正事实由规则引擎重新计算，逐项显示变更前后（不保存）',
      tags: ['复核'],
      access: {
        roles: ['district_approver', 'city_supervisor'],
        room: 'own_case',
        scope: 'cases:read',
      },
      schema: {
        params,
        response: { 200: redeterminationPreviewSchema },
      },
      handler: async (req) =>
        previewRedetermination(
          db,
          { actor: actorOf(req.actor!), caseId: req.params.id, now: clock() },
          req.policy,
        ),
    }),
    route({
      method: 'POST',
      url: '/api/v1/cases/:id/evidence',
      summary: '上传复核证据材料（PDF、JPEG、PNG，单个不超过 10 MB，每件申请合计不超过 30 MB）',
      tags: ['复核'],
      access: { roles: ['holder', 'employer_hr'], room: 'own_case', scope: 'cases:write' },
      binaryBody: {
        maxBytes: MAX_FILE_BYTES,
        tooLarge: '证据文件不得超过 10 MB',
        field: '$.file',
      },
      schema: {
        params,
        querystring: z.strictObject({ name: z.string().trim().min(1).max(255) }),
        response: { 201: evidenceFileSchema },
      },
      handler: async (req, reply) => {
        const body = req.body;
        const file = await uploadEvidence(db, {
          actor: actorOf(req.actor!),
          caseId: req.params.id,
          fileName: req.query.name,
          bytes: Buffer.isBuffer(body) ? body : Buffer.alloc(0),
          now: clock(),
        });
        return reply.status(201).send(shape(file));
      },
    }),
    route({
      method: 'GET',
      url: '/api/v1/cases/:id/evidence',
      summary: '复核证据材料列表',
      tags: ['复核'],
      access: { roles: CASE_READERS, room: 'own_case', scope: 'cases:read' },
      schema: { params, response: { 200: z.strictObject({ files: z.array(evidenceFileSchema) }) } },
      handler: async (req) => ({
        files: (await listCaseEvidence(db, actorOf(req.actor!), req.params.id)).map(shape),
      }),
    }),
    route({
      method: 'GET',
      url: '/api/v1/cases/:id/reconsideration-facts',
      summary: '复核中补正的事实及核实意见',
      tags: ['复核'],
      access: { roles: CASE_READERS, room: 'own_case', scope: 'cases:read' },
      schema: { params, response: { 200: z.strictObject({ facts: z.array(reconsiderationFactSchema) }) } },
      handler: async (req) => ({
        facts: (await listCaseFacts(db, actorOf(req.actor!), req.params.id)).map((f) => ({
          id: f.id,
          reconsiderationId: f.reconsiderationId,
          indicator: f.indicator,
          detail: f.detail,
          statement: f.statement,
          status: f.status,
          reviewedAt: f.reviewedAt,
          reviewNote: f.reviewNote,
        })),
      }),
    }),
    route({
      method: 'GET',
      url: '/api/v1/cases/:id/evidence/:evidenceId',
      summary: '下载复核证据材料（一律作为附件下载）',
      tags: ['复核'],
      access: { roles: CASE_READERS, room: 'own_case', scope: 'cases:read' },
      schema: {
        params: z.strictObject({ id: z.string().min(1).max(100), evidenceId: z.string().min(1).max(100) }),
        response: { 200: evidenceFileResponse },
      },
      handler: async (req, reply) => {
        const p = req.params;
        const file = await downloadEvidence(db, {
          actor: actorOf(req.actor!),
          caseId: p.id,
          evidenceId: p.evidenceId,
          now: clock(),
        });
        return reply
          .type(file.contentType)
          .header('content-disposition', attachmentDisposition(file.fileName))
          .header('x-content-type-options', 'nosniff')
          .header('cache-control', 'no-store')
          .header('content-security-policy', "default-src 'none'; sandbox")
          .send(file.bytes);
      },
    }),
  ];
}
