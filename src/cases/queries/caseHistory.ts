/**
 * Per-case history (issue 15): every role that may see a case sees its
 * timeline — who, when, what — in Chinese, from the case's audit events
 * (docs/spec/workflow.md: every change is a command by a named user with a role and
 * produces an audit event). Read under the same room check as the case view.
 */
import { JifenError } from '../../shared/errors.js';
import { knownAuditEvent, type AuditCommand } from '../../storage/auditEvents.js';
import { caseHistoryRows } from '../../storage/caseHistory.js';
import { getCaseRoom } from '../../storage/caseRepository.js';
import { COMMAND_LABELS, ROLE_LABELS, STATE_LABELS, type Actor, type Role } from '../../workflow/index.js';
import { mayRead } from './queries.js';
import type { Db } from '../types.js';

/**
 * Every audit event in Chinese (storage/auditEvents.ts): an event added to the
 * union without its name here fails tsc. The workflow's commands keep their
 * names; the others that belong to a case's story are named as the counter and
 * the holder say them; the rest (accounts, units, policy data, exports,
 * penalties) are never on a case but are named all the same.
 */
const EVENT_LABELS: Record<AuditCommand, string> = {
  ...COMMAND_LABELS,
  print_document: '打印文书',
  create_holder_login: '开立持证人网上账号',
  reveal_identity: '查看完整证件号',
  upload_evidence: '上传复核证据材料',
  download_evidence: '下载复核证据材料',
  enable_user: '启用账号',
  disable_user: '停用账号',
  reset_password: '重置密码',
  change_password: '修改密码',
  register_unit: '单位注册',
  verify_unit: '审核单位注册',
  load_wage_figure: '加载职工平均工资',
  load_calendar_year: '加载工作日历',
  load_materials_catalogue: '加载材料目录',
  export_list: '导出列表',
  record_penalty: '登记处罚',
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
      // An event the code no longer writes stays in the history, unnamed.
      const event = knownAuditEvent({ command: e.command, payload: JSON.parse(e.payloadJson) as unknown });
      const moved = event && 'from' in event.payload ? event.payload : undefined;
      const from = stateLabel(moved?.from);
      const to = stateLabel(moved?.to);
      const document =
        event?.command === 'print_document' ? DOCUMENT_LABELS[event.payload.document] : undefined;
      const what = event ? EVENT_LABELS[event.command] : '其他操作';
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
