/**
 * Small builders shared by the actions. Message ids are derived from the case,
 * the version the command produces, the template and the recipient: a retried
 * command yields the same ids, so the outbox can key its de-duplication on them.
 */
import type {
  CaseSnapshot,
  CaseState,
  CommandPayloads,
  CommandType,
  DeadlineKind,
  Effect,
  TemplateId,
  TransitionContext,
} from './types.js';

export interface ActionInput<K extends CommandType> {
  s: CaseSnapshot;
  p: CommandPayloads[K];
  ctx: TransitionContext;
  /** The version the command produces. */
  version: number;
  /** The resolved target state. */
  to: CaseState;
}

export interface ActionOutput {
  /** Fields to change (never the input's own arrays: always fresh values). */
  patch?: Partial<CaseSnapshot>;
  effects: Effect[];
  /** Extra facts for the audit event (warnings, computed dates). */
  auditDetail?: Record<string, unknown>;
}

export type Action<K extends CommandType> = (input: ActionInput<K>) => ActionOutput;

type Params = Record<string, string | number>;

/** An outbox message; its id is stable per case version, template and audience, so a retried command repeats it. */
function outbox(
  s: CaseSnapshot,
  version: number,
  template: TemplateId,
  audience: 'holder' | 'unit' | 'district',
  params: Params,
): Effect {
  const to = (
    {
      holder: { channel: 'sms', recipient: { kind: 'holder', holderId: s.holderId } },
      unit: { channel: 'unit_message', recipient: { kind: 'unit', unitId: s.unitId } },
      district: { channel: 'dashboard', recipient: { kind: 'district', district: s.district } },
    } as const
  )[audience];
  return {
    type: 'outbox',
    messageId: `${s.caseId}:v${version}:${template}:${audience}`,
    ...to,
    template,
    // The district dashboard is the district itself: it needs no district parameter.
    params:
      audience === 'district'
        ? { caseId: s.caseId, ...params }
        : { caseId: s.caseId, district: s.district, ...params },
  };
}

export const smsToHolder = (
  s: CaseSnapshot,
  version: number,
  template: TemplateId,
  params: Params = {},
): Effect => outbox(s, version, template, 'holder', params);

export const messageToUnit = (
  s: CaseSnapshot,
  version: number,
  template: TemplateId,
  params: Params = {},
): Effect => outbox(s, version, template, 'unit', params);

export const toDistrictDashboard = (
  s: CaseSnapshot,
  version: number,
  template: TemplateId,
  params: Params = {},
): Effect => outbox(s, version, template, 'district', params);

export const setDeadline = (kind: DeadlineKind, due: string | null): Effect => ({
  type: 'set_deadline',
  kind,
  due,
});

/** Effects clearing the given deadlines that are set, and the matching snapshot value. */
export function clearDeadlines(
  s: CaseSnapshot,
  kinds: readonly DeadlineKind[],
): { deadlines: CaseSnapshot['deadlines']; effects: Effect[] } {
  const deadlines = { ...s.deadlines };
  const effects: Effect[] = [];
  for (const kind of kinds) {
    if (deadlines[kind] !== undefined) {
      delete deadlines[kind];
      effects.push(setDeadline(kind, null));
    }
  }
  return { deadlines, effects };
}

export const ALL_DEADLINES: readonly DeadlineKind[] = [
  'acceptance_reminder',
  'acceptance_stale',
  'determination',
  'reconsideration',
  'permit_expiry_reminder',
  'permit_expiry',
];

export const ACCEPTANCE_DEADLINES: readonly DeadlineKind[] = ['acceptance_reminder', 'acceptance_stale'];
