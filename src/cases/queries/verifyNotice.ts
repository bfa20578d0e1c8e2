import type { Kysely } from 'kysely';
import { getCaseWithMaskedHolder } from '../../storage/caseRepository.js';
import {
  getDeterminationByVerificationCode,
  listDeterminations,
} from '../../storage/determinationRepository.js';
import type { Database } from '../../storage/schema.js';

export interface NoticeVerification {
  code: string;
  /** `valid`: the determination in force; `superseded`: a later one replaced it; `lapsed`: the points expired or were invalidated; `unknown`: no such code. */
  status: 'valid' | 'superseded' | 'lapsed' | 'unknown';
  summary?: {
    holderName: string;
    holderIdNumber: string;
    district: string;
    total: number;
    rulesVersion: string;
    sequence: number;
    decidedAt: string;
  };
}

/** 张三 → 张*, 欧阳小明 → 欧阳** : enough to recognise, not to identify. */
const maskName = (name: string): string => {
  const chars = [...name];
  const keep = chars.length >= 4 ? 2 : 1;
  return chars.slice(0, keep).join('') + '*'.repeat(Math.max(1, chars.length - keep));
};

/**
 * 积分通知书 verification (anyone, by the code printed on the notice): the
 * authentic summary, masked, or a clear statement that the code is unknown or
 * no longer the determination in force.
 */
export async function verifyNotice(db: Kysely<Database>, code: string): Promise<NoticeVerification> {
  const d = await getDeterminationByVerificationCode(db, code);
  if (!d) return { code, status: 'unknown' };
  const c = await getCaseWithMaskedHolder(db, d.caseId);
  const all = await listDeterminations(db, d.caseId);
  const latest = all[all.length - 1];
  const status =
    latest && latest.id !== d.id
      ? 'superseded'
      : c.state === 'expired' || c.state === 'invalidated'
        ? 'lapsed'
        : 'valid';
  return {
    code,
    status,
    summary: {
      holderName: maskName(c.name),
      holderIdNumber: c.idNumberMasked,
      district: c.district,
      total: d.total,
      rulesVersion: d.rulesVersion,
      sequence: d.sequence,
      decidedAt: d.decidedAt,
    },
  };
}
