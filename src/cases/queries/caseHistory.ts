/**
 * Per-case history (issue 15): every role that may see a case sees its
 * timeline — who, when, what — in Chinese, from the case's audit events
 * (docs/spec/workflow.md: every change is a command by a named user with a role and
 * produces an audit event). Read under the same room check as the case view.
 */
import { JifenError } from '../../shared/errors.js';
import { caseHistoryRows } from '../../storage/caseHistory.js';
import { getCaseRoom } from '../../storage/caseRepository.js';
import {
  COMMAND_LABELS,
  ROLE_LABELS,
  STATE_LABELS,
  type Actor,
  type CommandType,
  type Role,
} from '../../workflow/index.js';
import { mayRead } from './queries.js';
import type { Db } from '../types.js';

/** Events that are not workflow commands but belong to a case's story. */
const OTHER_EVENTS: Record<string, string> = {
  print_document: '打印文书',
  create_holder_login: '开立持证人网上账号',
  reveal_identity: '查看完整证件号',
  upload_evidence: '上传复核证据材料',
  download_evidence: '下载复核证据材料',
};

const DOCUMENT_LABELS: Record<string, string> = {
  'application-form': '积分申请表',
  receipt: '收件凭证',
  'one-time-notice': '一次性告知单',
  'points-notice': '积分通知书',
  'reconsideration-decision': '复核决定书',
};

const stateLabel = (s: unknown): string | null =>
  typeof s === 'string' && s in STATE_LABELS ? STATE_LABELS[s as keyof typeof STATE_LABELS] : null;

export async function caseHistory(db: Db, req: { actor: Actor; caseId: string }) {
  const row = await getCaseRoom(db, req.caseId);
  if (!row || !mayRead(req.actor, row))
    throw row
      ? new JifenError('forbidden', '无权查看此案件', [], { role: req.actor.role, reason: 'room' })
      : new JifenError('not_found', '申请不存在', [], { caseId: req.caseId });
  const events = await caseHistoryRows(db, row.id);
  return {
    caseId: row.id,
    applicationNo: row.applicationNo,
    events: events.map((e) => {
      const payload = JSON.parse(e.payloadJson) as Record<string, unknown>;
      const from = stateLabel(payload.from);
      const to = stateLabel(payload.to);
      const document = typeof payload.document === 'string' ? DOCUMENT_LABELS[payload.document] : undefined;
      const what = COMMAND_LABELS[e.command as CommandType] ?? OTHER_EVENTS[e.command] ?? '其他操作';
      return {
        seq: e.seq,
        at: e.at,
        role: e.actorRole,
        roleLabel: ROLE_LABELS[e.actorRole as Role] ?? '系统',
        // A holder acts in person; officers and HR by name.
        who:
          e.actorRole === 'holder'
            ? '持证人本人'
            : (e.actorName ?? ROLE_LABELS[e.actorRole as Role] ?? '系统'),
        command: e.command,
        what: document ? `${what}：${document}` : what,
        change: from && to && from !== to ? `${from} → ${to}` : null,
      };
    }),
  };
}
