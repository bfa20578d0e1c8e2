/**
 * 查看完整证件号 (issue 15): the counter clerk compares the person in front of
 * them with the identity card, which the masked number on screen cannot do.
 * The full number is personal data (docs/security.md: masked everywhere,
 * revealed only on an audited action), so it is shown only to an officer who
 * may read the case (the same room predicate as the case view), only with a
 * stated reason, and every reveal is its own audit event. The number itself is
 * never written to the audit log or to any log: the event names the case, the
 * officer and the reason.
 */
import type { Kysely } from 'kysely';
import { mayRead } from '../cases/index.js';
import { JifenError } from '../shared/errors.js';
import { appendAuditEvent } from '../storage/auditLog.js';
import { getCaseWithHolderIdentity } from '../storage/caseRepository.js';
import type { Database } from '../storage/schema.js';
import type { Actor } from '../workflow/index.js';

/** The audit event kind of a reveal (docs/audit.md). */
export const REVEAL_IDENTITY = 'reveal_identity';

export interface RevealRequest {
  actor: Actor;
  caseId: string;
  reason: string;
  now: string;
}

export async function revealIdentity(db: Kysely<Database>, req: RevealRequest) {
  const row = await getCaseWithHolderIdentity(db, req.caseId);
  // Same answers as the case view: unknown → 404, another room → 403.
  if (!row) throw new JifenError('not_found', '申请不存在', [], { caseId: req.caseId });
  if (!mayRead(req.actor, row))
    throw new JifenError('forbidden', '无权查看此案件', [], { role: req.actor.role, reason: 'room' });
  // The reason is written to the audit log, which refuses personal data in it
  // (assertNoPersonalData): a reason that quotes an ID or phone number is a 400.
  await appendAuditEvent(db, {
    at: req.now,
    actorId: req.actor.id,
    actorRole: req.actor.role,
    command: REVEAL_IDENTITY,
    caseId: row.id,
    payload: { holderId: row.holderId, reason: req.reason },
  });
  return {
    caseId: row.id,
    applicationNo: row.applicationNo,
    holderName: row.name,
    idNumber: row.idNumber,
    revealedAt: req.now,
  };
}
