import type { Executor } from './dialectSpecifics.js';
import type { Database } from './schema.js';

export interface CaseHistoryRow {
  seq: number;
  at: string;
  actorId: string;
  actorRole: string;
  /** The officer's or HR's display name; null for a holder or the system. */
  actorName: string | null;
  command: string;
  payloadJson: string;
}

/** The audit events of one case in the order they happened (audit_events_case_ix). */
export async function caseHistoryRows(db: Executor<Database>, caseId: string): Promise<CaseHistoryRow[]> {
  const rows = await db
    .selectFrom('auditEvents')
    .leftJoin('users', 'users.id', 'auditEvents.actorId')
    .select([
      'auditEvents.seq',
      'auditEvents.at',
      'auditEvents.actorId',
      'auditEvents.actorRole',
      'users.displayName as actorName',
      'auditEvents.command',
      'auditEvents.payloadJson',
    ])
    .where('auditEvents.caseId', '=', caseId)
    .orderBy('auditEvents.seq')
    .execute();
  return rows.map((r) => ({ ...r, seq: Number(r.seq) }));
}
