/**
 * What every effect handler gets: the command's transaction and its context. A
 * handler writes its rows and adds what it produced to `docs`; ids the machine
 * derived (message ids, sequences) are kept so that a retried command produces
 * the same rows and a unique key stops a duplicate.
 */
import type { TemplateCatalogue } from '../../notify/messageTemplates.js';
import type { Executor } from '../../storage/dialectSpecifics.js';
import type { Determination } from '../../storage/determinationRepository.js';
import type { Database } from '../../storage/schema.js';
import type { Actor, CaseSnapshot, Effect } from '../../workflow/index.js';
import type { EngineFacts } from '../facts/facts.js';
import type { CommandDocuments } from '../types.js';

export type Tx = Executor<Database>;

export interface EffectContext {
  /** The engine run of a command that creates a determination. */
  engine?: EngineFacts;
  /** Labels of material codes (receipts and notices print names, not codes). */
  materialLabels?: Map<string, string>;
  /** Free-text reason of a correction (for the corrections table). */
  correctionReason?: string;
}

export interface EffectEnv {
  tx: Tx;
  actor: Actor;
  /** The command's instant, normalised. */
  now: string;
  today: string;
  before: CaseSnapshot;
  after: CaseSnapshot;
  caseId: string;
  /** 申请编号 of the case, for the messages' wording (the internal id for a row that never got one). */
  applicationNo: string;
  /** The holder's phone on record (looked up once per command). */
  holderPhone: (holderId: string) => Promise<string | null>;
  context: EffectContext;
  templates: TemplateCatalogue;
  docs: CommandDocuments;
  /** The determination this command created (a reconsideration decision links it). */
  created?: Determination;
  /** Reconsideration decisions wait until every other effect ran (they link the new determination). */
  decisions: Extract<Effect, { type: 'create_reconsideration_decision' }>[];
}

export type EffectOf<K extends Effect['type']> = Extract<Effect, { type: K }>;
export type EffectHandler<K extends Effect['type']> = (e: EffectOf<K>, env: EffectEnv) => Promise<void>;

/** The printed label of a material code, or the code itself if the catalogue has none. */
export const materialLabel = (env: EffectEnv, code: string): string =>
  env.context.materialLabels?.get(code) ?? code;
