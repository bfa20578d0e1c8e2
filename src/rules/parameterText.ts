import { RULES_DIR } from './defaultRuleSet.js';
import { loadRenderings, renderParameter, type RenderingsFile } from './renderParameter.js';

let renderings: RenderingsFile | undefined;
const byObject = new WeakMap<object, Map<string, string>>();

/**
 * The Chinese sentence of a parameter value, from the renderings of the repository's `rules/`.
 * Values are immutable and shared, so each object value is rendered once.
 */
export function parameterText(key: string, value: unknown): string {
  renderings ??= loadRenderings(RULES_DIR);
  if (value === null || typeof value !== 'object') return renderParameter(renderings, key, value);
  let m = byObject.get(value);
  if (!m) byObject.set(value, (m = new Map()));
  let text = m.get(key);
  if (text === undefined) m.set(key, (text = renderParameter(renderings, key, value)));
  return text;
}

/** The Chinese word for an enum value of the profile contract (the `terms` of rules/renderings.yaml). */
export function term(dictionary: string, value: string): string {
  renderings ??= loadRenderings(RULES_DIR);
  return renderings.terms[dictionary]?.[value] ?? value;
}
