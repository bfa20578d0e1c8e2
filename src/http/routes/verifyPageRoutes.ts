import type { Kysely } from 'kysely';
import { z } from 'zod';
import { verifyNotice, type NoticeVerification } from '../../cases/queries/verifyNotice.js';
import type { Database } from '../../storage/schema.js';
import { htmlResponse } from '../../contract/files.js';
import { noticeCodeParams } from '../../contract/requests.js';
import { route, type RouteSpec } from '../routeSpec.js';
import { renderVerificationPage } from '../verificationPage.js';

/**
 * What people type or scan: spaces and hyphens between the groups of four are
 * dropped, and the letters Crockford base32 never uses are read as the digits
 * they look like (I, L → 1; O → 0).
 */
export const normaliseCode = (raw: string): string =>
  raw.replace(/[\s-]/g, '').toUpperCase().replace(/[IL]/g, '1').replace(/O/g, '0');

const codeSchema = z.string().regex(/^[0-9A-Z]{6,32}$/);

/**
 * `/verify/CODE`, the address in the 积分通知书's QR code: a server-rendered page
 * (no script) with the authentic masked summary, or a clear statement that
 * the code is unknown, superseded or lapsed. The API twin is
 * GET /api/v1/notices/:code.
 */
export function verifyPageRoutes(deps: { db: Kysely<Database>; clock: () => string }): RouteSpec[] {
  return [
    route({
      method: 'GET',
      url: '/verify/:code',
      summary: '积分通知书核验页面（扫描通知书二维码打开）',
      tags: ['公开'],
      access: { public: true },
      schema: { params: noticeCodeParams, response: { 200: htmlResponse } },
      handler: async (req, reply) => {
        // Codes carry 80 random bits; the per-address throttle (src/http/throttles.ts) slows enumeration more.
        const code = normaliseCode(req.params.code);
        const v: NoticeVerification = codeSchema.safeParse(code).success
          ? await verifyNotice(deps.db, code)
          : { code, status: 'unknown' };
        // 200 whatever the verdict: the page says it in words (every 4xx of the API is problem+json;
        // the API twin GET /api/v1/notices/:code gives the status to programs).
        return reply
          .type('text/html; charset=utf-8')
          .header('cache-control', 'no-store')
          .send(renderVerificationPage(v));
      },
    }),
  ];
}
