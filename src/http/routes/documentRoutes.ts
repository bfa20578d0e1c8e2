import type { FastifyReply } from 'fastify';
import type { Kysely } from 'kysely';
import { checklist } from '../../checklist/index.js';
import { renderChecklistDocument } from '../../documents/checklistDocument.js';
import {
  CASE_DOCUMENT_KINDS,
  issueCaseDocument,
  type CaseDocumentKind,
} from '../../documents/issueCaseDocument.js';
import { pdfResponse } from '../../contract/files.js';
import { profileSchema } from '../../contract/profile.js';
import { idParams } from '../../contract/query.js';
import { documentRefQuery } from '../../contract/requests.js';
import { ROLES } from '../../shared/vocabulary.js';
import type { Database } from '../../storage/schema.js';
import type { RenderPool } from '../renderPool.js';
import { route, type RouteSpec } from '../routeSpec.js';
import { actorOf } from './caseRoutes.js';

export interface DocumentRouteDeps {
  db: Kysely<Database>;
  clock: () => string;
  /** JIFEN_PUBLIC_URL: the verification URL printed on the 积分通知书. */
  publicUrl: string;
  /** Renders the anonymous checklist PDF in a worker thread, off the event loop. */
  render?: RenderPool;
}

const SUMMARY: Record<CaseDocumentKind, string> = {
  'application-form': '打印积分申请表（含单位盖章处）',
  receipt: '打印收件凭证（?ref=收件凭证号，默认最近一份）',
  'one-time-notice': '打印一次性告知单（?ref=告知次序，默认最近一份）',
  'points-notice': '打印积分通知书（含核验码与二维码；?ref=核定次序，默认现行核定）',
  'reconsideration-decision': '打印复核决定书（?ref=复核编号，默认最近一份）',
};

/**
 * Everyone who may read a case, in their rooms (workflow.md): the holder their own case, HR
 * its unit's, officers their district's, the city supervisor all. Never admin (who never sees a case).
 */
const CASE_READERS = ROLES.filter((r) => r !== 'admin');

export function sendPdf(reply: FastifyReply, doc: { filename: string; pdf: Buffer }): FastifyReply {
  return (
    reply
      .type('application/pdf')
      .header('content-disposition', `inline; filename="${doc.filename}"`)
      // Personal documents: never kept by shared caches.
      .header('cache-control', 'private, no-store')
      .send(doc.pdf)
  );
}

/** The printable documents: each case document for its readers, and the public checklist. */
export function documentRoutes({ db, clock, publicUrl, render }: DocumentRouteDeps): RouteSpec[] {
  const caseDocs = CASE_DOCUMENT_KINDS.map((kind) =>
    route({
      method: 'GET',
      url: `/api/v1/cases/:id/documents/${kind}.pdf`,
      summary: SUMMARY[kind],
      tags: ['文书'],
      access: { roles: CASE_READERS, room: 'own_case', scope: 'cases:read' },
      schema: {
        params: idParams,
        querystring: documentRefQuery,
        response: { 200: pdfResponse },
      },
      handler: async (req, reply) => {
        const doc = await issueCaseDocument(
          db,
          {
            actor: actorOf(req.actor!),
            caseId: req.params.id,
            kind,
            ...(req.query.ref ? { ref: req.query.ref } : {}),
            now: clock(),
            publicUrl,
          },
          req.policy,
        );
        return sendPdf(reply, doc);
      },
    }),
  );
  return [
    ...caseDocs,
    route({
      method: 'POST',
      url: '/api/v1/checklist.pdf',
      summary: '个性化申请材料清单（PDF，可打印）',
      tags: ['公开', '文书'],
      access: { public: true },
      schema: { body: profileSchema, response: { 200: pdfResponse } },
      handler: async (req, reply) => {
        const profile = req.body;
        const pdf = render
          ? await render.checklistPdf(profile)
          : await renderChecklistDocument(
              checklist(profile, req.policy.catalogue),
              req.policy.rules,
              req.policy.fonts,
            );
        return sendPdf(reply, { filename: `checklist-${profile.asOf}.pdf`, pdf });
      },
    }),
  ];
}
