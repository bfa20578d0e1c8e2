import type { ResolvedParameter } from '../rules/RuleSet.js';
import type { ParameterKey } from '../rules/rulesDataSchema.js';
import type { Facts } from './Facts.js';
import type { ParameterRead } from './types.js';

/** What one indicator computes; explanation fields are filled only when asked for. */
export interface Outcome {
  points: number;
  explanation?: string;
  inputs?: Record<string, unknown>;
  next?: string | null;
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
    });
    readCache.set(p, read);
  }
  return read;
}
