import type { ResolvedParameter } from '../rules/RuleSet.js';
import type { ParameterKey } from '../rules/rulesDataSchema.js';
import type { Facts } from './Facts.js';
import type { FactText, NextStep, ParameterRead } from './types.js';

/** A credential that would score `points`; `add` is set when adding it provably gives them. */
export interface LadderStep {
  points: number;
  text: string;
  add?: Extract<NextStep, { kind: 'credential' }>['add'];
  /** A condition still to meet besides the credential (shown with the hint). */
  condition?: string;
}

/** What one indicator computes; explanation fields are filled only when asked for. */
export interface Outcome {
  points: number;
  explanation?: string;
  inputs?: Record<string, unknown>;
  /** The inputs used, in Chinese (see FactText). */
  facts?: FactText[];
  next?: string | null;
  nextStep?: NextStep | null;
  /**
   * Education and qualification only: the credentials that would score more, lowest first. The
   * hint is written once both are known (alternatives, rules.md §2), keeping only those that
   * change the total (issue 14).
   */
  ladder?: LadderStep[];
  /** Values read besides the indicator's own parameter (e.g. wage figures). */
  extra?: ParameterRead[];
}

export type IndicatorFn<K extends ParameterKey> = (
  facts: Facts,
  param: ResolvedParameter<K>,
  explain: boolean,
) => Outcome;

// A resolved parameter is immutable and shared by every result computed under it, so its
// explanation record is built once and frozen (results are serialised, never mutated).
const readCache = new WeakMap<ResolvedParameter, ParameterRead>();

export function paramRead(p: ResolvedParameter): ParameterRead {
  let read = readCache.get(p);
  if (!read) {
    read = Object.freeze({
      key: p.key,
      label: p.label,
      value: p.value,
      from: p.from,
      to: p.to,
      citations: p.citations,
      ...(p.note ? { note: p.note } : {}),
      text: p.text,
    });
    readCache.set(p, read);
  }
  return read;
}

// The citations of an item reading more than its own parameter (the base item and the wage figures
// of its window): both reads are shared and frozen, so their union is built once per pair.
const unionCache = new WeakMap<ParameterRead, { own: ParameterRead; citations: string[] }>();

/** The citations of an item's parameter reads, each once, in the order read. */
export function citationsOf(own: ParameterRead, extra: readonly ParameterRead[]): string[] {
  const union = () => [...new Set([own, ...extra].flatMap((p) => p.citations))];
  if (extra.length !== 1 || !Object.isFrozen(extra[0])) return union();
  const cached = unionCache.get(extra[0]!);
  if (cached?.own === own) return cached.citations;
  const citations = Object.freeze(union()) as string[];
  unionCache.set(extra[0]!, { own, citations });
  return citations;
}
