/**
 * The chain an audit event belongs to (docs/audit.md): the subject whose
 * history it is part of. A case's events form the case's chain (ordered by the
 * case row's own lock, which every command already holds); an event outside any
 * case goes to the chain of the account, unit or policy-data subject it acts
 * on, named in its payload as the callers already write it, and otherwise to
 * the acting officer's own chain. The legacy single chain of events written
 * before migration 0170 is `LEGACY_CHAIN`.
 */
export const LEGACY_CHAIN = 'legacy';

export interface SubjectOf {
  caseId?: string | null;
  actorId: string;
  command: string;
  payload: Record<string, unknown>;
  /** An explicit chain (`user:…`, `unit:…`, `policy:…`): wins over what the payload names. */
  subject?: string;
}

const text = (value: unknown): string | null => (typeof value === 'string' && value !== '' ? value : null);

export function auditSubject(event: SubjectOf): string {
  if (event.subject) return event.subject;
  if (event.caseId) return `case:${event.caseId}`;
  const { payload } = event;
  const unitId = text(payload.unitId);
  if (unitId) return `unit:${unitId}`;
  const userId = text(payload.userId);
  if (userId) return `user:${userId}`;
  if (event.command.startsWith('load_') || text(payload.revisionId))
    return `policy:${text(payload.subject) ?? 'data'}`;
  return `actor:${event.actorId}`;
}

/** The chain named for people (CLI, reports): `案件 …`, `账户 …` — never the raw key. */
export function chainLabel(chain: string | null): string {
  if (chain === null || chain === LEGACY_CHAIN) return '迁移前的审计总链';
  const [kind, ...rest] = chain.split(':');
  const id = rest.join(':');
  const names: Record<string, string> = {
    case: '案件',
    user: '账户',
    unit: '单位',
    policy: '政策数据',
    actor: '操作人',
  };
  return `${names[kind ?? ''] ?? '主体'} ${id}`;
}
