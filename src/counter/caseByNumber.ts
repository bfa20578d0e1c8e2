/**
 * Opens a case by its 申请编号 (issue 15): the number a person reads on the
 * printed form, in a URL or from a scanner, never the internal id. Answered
 * under the same room predicate as the case view; a number outside the
 * reader's rooms answers exactly like an unknown one (404), so numbers cannot
 * be probed.
 */
import type { Kysely } from 'kysely';
import { mayRead } from '../cases/index.js';
import { JifenError } from '../shared/errors.js';
import { normaliseApplicationNo } from '../storage/applicationNumbers.js';
import { getCaseRoomByApplicationNo } from '../storage/caseRepository.js';
import type { Database } from '../storage/schema.js';
import type { Actor } from '../workflow/index.js';

export async function caseByNumber(db: Kysely<Database>, req: { actor: Actor; typed: string }) {
  const no = normaliseApplicationNo(req.typed);
  if (!no)
    throw new JifenError('validation_failed', '申请编号格式不正确', [
      { path: '$.applicationNo', message: '应为区代码、年份和序号，如 MH2025-000123' },
    ]);
  const row = await getCaseRoomByApplicationNo(db, no);
  if (!row || !mayRead(req.actor, row)) throw new JifenError('not_found', '没有找到此申请编号的申请', [], {});
  return { caseId: row.id, applicationNo: no };
}
