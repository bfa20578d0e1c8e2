import type { Kysely } from 'kysely';
import { mayRead } from '../cases/index.js';
import { JifenError } from '../shared/errors.js';
import { appendAuditEvent } from '../storage/auditLog.js';
import { getCaseRoom } from '../storage/caseRepository.js';
import { listEvidenceFiles, readEvidenceFile, type EvidenceMeta } from '../storage/evidenceRepository.js';
import type { Database } from '../storage/schema.js';
import type { Actor } from '../workflow/index.js';

/** The case, checked against the reader's rooms exactly as the case read does (mayRead). */
export async function readableCase(db: Kysely<Database>, actor: Actor, caseId: string) {
  const row = await getCaseRoom(db, caseId);
  if (!row) throw new JifenError('not_found', '申请不存在', [], { caseId });
  if (!mayRead(actor, row))
    throw new JifenError('forbidden', '无权查看此案件', [], { role: actor.role, reason: 'room' });
  return row;
}

/** The evidence files of a case (without their bytes), for those who may read the case. */
export async function listCaseEvidence(
  db: Kysely<Database>,
  actor: Actor,
  caseId: string,
): Promise<EvidenceMeta[]> {
  await readableCase(db, actor, caseId);
  return listEvidenceFiles(db, caseId);
}

/** One evidence file with its bytes; each download is an audit event (who, which file). */
export async function downloadEvidence(
  db: Kysely<Database>,
  req: { actor: Actor; caseId: string; evidenceId: string; now: string },
): Promise<EvidenceMeta & { bytes: Buffer }> {
  await readableCase(db, req.actor, req.caseId);
  const file = await readEvidenceFile(db, req.caseId, req.evidenceId);
  if (!file) throw new JifenError('not_found', '证据文件不存在', [], { evidenceId: req.evidenceId });
  await appendAuditEvent(db, {
    at: req.now,
    actorId: req.actor.id,
    actorRole: req.actor.role,
    command: 'download_evidence',
    caseId: req.caseId,
    payload: { evidenceId: file.id, sha256: file.sha256 },
  });
  return file;
}
