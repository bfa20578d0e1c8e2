import type { Kysely } from 'kysely';
import { JifenError } from '../shared/errors.js';
import type { Database, OutboxStatus } from '../storage/schema.js';
import { listUnitMessages, listUnitSms } from '../storage/unitMessageRepository.js';
import type { Actor } from '../workflow/index.js';

/** Delivery status of an SMS in the unit's words. */
export const SMS_STATUS_LABELS: Record<OutboxStatus, string> = {
  pending: '待发送',
  sending: '发送中',
  sent: '已发送，等待回执',
  delivered: '已送达',
  failed: '未送达（运营商回执）',
  dead: '发送失败（已转为单位消息）',
};

/** HR of the unit itself, or the city supervisor (supervision of all districts). */
function assertUnitReader(actor: Actor, unitId: string): void {
  const own = actor.role === 'employer_hr' && actor.unitId === unitId;
  if (!own && actor.role !== 'city_supervisor')
    throw new JifenError('forbidden', '无权查看该单位的消息', [], { role: actor.role, reason: 'room' });
}

/** The unit's in-system messages (workflow messages and undelivered-SMS fallbacks), newest first. */
export async function unitInbox(db: Kysely<Database>, req: { actor: Actor; unitId: string; limit?: number }) {
  assertUnitReader(req.actor, req.unitId);
  const rows = await listUnitMessages(db, req.unitId, Math.min(req.limit ?? 100, 500));
  return rows.map((m) => ({
    id: m.id,
    kind: m.kind,
    caseId: m.caseId,
    template: `${m.templateId}@${m.templateVersion}`,
    text: m.text,
    createdAt: m.createdAt,
  }));
}

/** The SMS sent to the unit's holders with their delivery status (phone numbers masked). */
export async function unitSmsStatus(
  db: Kysely<Database>,
  req: { actor: Actor; unitId: string; limit?: number },
) {
  assertUnitReader(req.actor, req.unitId);
  const rows = await listUnitSms(db, req.unitId, Math.min(req.limit ?? 100, 500));
  return rows.map((r) => ({ ...r, statusLabel: SMS_STATUS_LABELS[r.status] }));
}
