import { createHash } from 'node:crypto';
import type { Kysely } from 'kysely';
import { mayRead } from '../cases/index.js';
import { JifenError } from '../shared/errors.js';
import { appendAuditEvent } from '../storage/auditLog.js';
import { getCaseRoom } from '../storage/caseRepository.js';
import { evidenceBytesOfCase, insertEvidenceFile, type EvidenceMeta } from '../storage/evidenceRepository.js';
import { pendingReconsiderationId } from '../storage/reconsiderationRepository.js';
import { runInTransaction } from '../storage/runInTransaction.js';
import type { Database } from '../storage/schema.js';
import type { Actor } from '../workflow/index.js';
import { sanitiseFileName } from './sanitiseFileName.js';
import { sniffEvidence } from './sniffEvidence.js';

/** At most 10 MB a file and 30 MB a case (issue 15): a scan or a photo of a certificate fits. */
export const MAX_FILE_BYTES = 10 * 1024 * 1024;
export const MAX_CASE_BYTES = 30 * 1024 * 1024;

/** Those who may request a reconsideration attach its evidence (细则 第十二条: 申请人). */
const UPLOADERS = new Set(['holder', 'employer_hr']);

export interface UploadEvidenceRequest {
  actor: Actor;
  caseId: string;
  fileName: string;
  bytes: Buffer;
  now: string;
}

/**
 * Attaches one evidence file to the case's pending reconsideration request.
 * The case's row is locked while the case's total is checked, so two uploads
 * at once cannot pass the 30 MB limit together. Audited by ids and size only.
 */
export async function uploadEvidence(
  db: Kysely<Database>,
  req: UploadEvidenceRequest,
): Promise<EvidenceMeta> {
  if (!UPLOADERS.has(req.actor.role))
    throw new JifenError('forbidden', '只有复核申请人（持证人或其用人单位）可以上传证据材料', [], {
      reason: 'role',
    });
  if (req.bytes.length === 0)
    throw new JifenError('validation_failed', '上传的文件是空的', [{ path: '$.file', message: '文件为空' }]);
  const type = await sniffEvidence(req.bytes);
  if (!type)
    throw new JifenError(
      'unsupported_media_type',
      '证据文件只接受 PDF、JPEG、PNG 格式（按文件内容识别，改文件名无效）',
      [{ path: '$.file', message: '文件格式不是 PDF、JPEG 或 PNG' }],
    );
  return runInTransaction(db, async (tx) => {
    const row = await getCaseRoom(tx, req.caseId, { forUpdate: true });
    if (!row) throw new JifenError('not_found', '申请不存在', [], { caseId: req.caseId });
    if (!mayRead(req.actor, row))
      throw new JifenError('forbidden', '无权查看此案件', [], { role: req.actor.role, reason: 'room' });
    const pendingId = await pendingReconsiderationId(tx, row.id);
    if (!pendingId)
      throw new JifenError('invalid_transition', '本案没有待处理的复核申请，不能上传证据材料', [], {
        caseId: row.id,
      });
    const stored = await evidenceBytesOfCase(tx, row.id);
    if (stored + req.bytes.length > MAX_CASE_BYTES)
      throw new JifenError(
        'payload_too_large',
        '每件申请的证据文件合计不得超过 30 MB',
        [{ path: '$.file', message: `本案已上传 ${(stored / 1048576).toFixed(1)} MB，加上此文件超过 30 MB` }],
        { limit: MAX_CASE_BYTES },
      );
    const sha256 = createHash('sha256').update(req.bytes).digest('hex');
    const file = await insertEvidenceFile(tx, {
      caseId: row.id,
      reconsiderationId: pendingId,
      uploadedBy: req.actor.id,
      fileName: sanitiseFileName(req.fileName, type),
      contentType: type,
      size: req.bytes.length,
      sha256,
      bytes: req.bytes,
      now: req.now,
    });
    await appendAuditEvent(tx, {
      at: req.now,
      actorId: req.actor.id,
      actorRole: req.actor.role,
      command: 'upload_evidence',
      caseId: row.id,
      payload: {
        evidenceId: file.id,
        reconsiderationId: pendingId,
        contentType: type,
        size: file.size,
        sha256,
      },
    });
    return file;
  });
}
