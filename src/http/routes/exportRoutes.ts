import type { FastifyReply } from 'fastify';
import type { Kysely } from 'kysely';
import { cityCaseQuery, penaltyQuery } from '../../city/cityQueries.js';
import { normaliseApplicationNo } from '../../storage/applicationNumbers.js';
import { EXPORT_MIME } from '../../export/writeTable.js';
import { exportCaseList, exportPenalties, type ExportFile } from '../../export/exportList.js';
import { exportResponse } from '../../contract/files.js';
import { idParams } from '../../contract/query.js';
import {
  districtParams,
  exportFormat,
  queueExportQuery,
  unitCasesExportQuery,
} from '../../contract/requests.js';
import { DISTRICT_ROLES } from '../../shared/vocabulary.js';
import type { Database } from '../../storage/schema.js';
import { route, type RouteSpec } from '../routeSpec.js';
import { actorOf } from './caseRoutes.js';

/**
 * Downloads of the officers' lists (issue 15) with the filters of the screen:
 * `?format=xlsx` (default) or `csv`. A read (scope cases:read); audited by the
 * use case. The file goes out as an attachment, never inline.
 */
const format = exportFormat;

function send(reply: FastifyReply, file: ExportFile) {
  void reply
    .header('content-type', EXPORT_MIME[file.format])
    .header('content-disposition', `attachment; filename="${file.filename}"`)
    .header('x-content-type-options', 'nosniff')
    .header('cache-control', 'no-store')
    .header('x-export-rows', String(file.rows))
    .header('x-export-capped', String(file.capped));
  return reply.send(file.stream);
}

export function exportRoutes({ db, clock }: { db: Kysely<Database>; clock: () => string }): RouteSpec[] {
  return [
    route({
      method: 'GET',
      url: '/api/v1/districts/:district/queue/export',
      summary: '导出本区受理/审核队列（Excel 或 CSV，筛选同页面，最多 10 万行）',
      tags: ['区'],
      access: { roles: [...DISTRICT_ROLES, 'city_supervisor'], room: 'own_district', scope: 'cases:read' },
      schema: {
        params: districtParams,
        querystring: queueExportQuery,
        response: { 200: exportResponse },
      },
      handler: async (req, reply) => {
        const q = req.query;
        const district = req.params.district;
        const file = await exportCaseList(db, {
          actor: actorOf(req.actor!),
          now: clock(),
          format: q.format,
          list: 'district_queue',
          room: { kind: 'district', district },
          // The queue's default is 等待受理, as on screen.
          filter: { district, state: q.state ?? 'submitted', order: 'submitted_asc' },
        });
        return send(reply, file);
      },
    }),
    route({
      method: 'GET',
      url: '/api/v1/units/:id/cases/export',
      summary: '导出本单位的申请列表（Excel 或 CSV）',
      tags: ['单位'],
      access: { roles: ['employer_hr', 'city_supervisor'], room: 'own_unit', scope: 'cases:read' },
      schema: {
        params: idParams,
        querystring: unitCasesExportQuery,
        response: { 200: exportResponse },
      },
      handler: async (req, reply) => {
        const q = req.query;
        const unitId = req.params.id;
        const file = await exportCaseList(db, {
          actor: actorOf(req.actor!),
          now: clock(),
          format: q.format,
          list: 'unit_cases',
          room: { kind: 'unit', unitId },
          filter: { unitId, ...(q.state ? { state: q.state } : {}), order: 'created_desc' },
        });
        return send(reply, file);
      },
    }),
    route({
      method: 'GET',
      url: '/api/v1/city/cases/export',
      summary: '导出全市案件（按区、状态、复核、编号筛选；Excel 或 CSV）——市级监督',
      tags: ['市级监督'],
      access: { roles: ['city_supervisor'], room: 'city', scope: 'cases:read' },
      schema: {
        // The city list's own filters (cityQueries.ts), without its paging.
        querystring: cityCaseQuery.omit({ limit: true, offset: true }).extend({ format }),
        response: { 200: exportResponse },
      },
      handler: async (req, reply) => {
        const q = req.query;
        const file = await exportCaseList(db, {
          actor: actorOf(req.actor!),
          now: clock(),
          format: q.format,
          list: 'city_cases',
          room: { kind: 'city' },
          filter: {
            ...(q.district ? { district: q.district } : {}),
            ...(q.state ? { state: q.state } : {}),
            ...(q.reconsideration ? { reconsiderationPending: true } : {}),
            // The same reading of a typed number as the list on screen (a whole number, or its beginning).
            ...(q.q
              ? { applicationNoPrefix: normaliseApplicationNo(q.q) ?? q.q.toUpperCase().replace(/\s+/g, '') }
              : {}),
            order: 'created_desc',
          },
        });
        return send(reply, file);
      },
    }),
    route({
      method: 'GET',
      url: '/api/v1/city/penalties/export',
      summary: '导出处罚记录（Excel 或 CSV）——市级监督',
      tags: ['市级监督'],
      access: { roles: ['city_supervisor'], room: 'city', scope: 'cases:read' },
      schema: {
        querystring: penaltyQuery.omit({ limit: true, offset: true }).extend({ format }),
        response: { 200: exportResponse },
      },
      handler: async (req, reply) => {
        const { format: f, ...filter } = req.query;
        const file = await exportPenalties(db, {
          actor: actorOf(req.actor!),
          now: clock(),
          format: f,
          filter,
        });
        return send(reply, file);
      },
    }),
  ];
}
