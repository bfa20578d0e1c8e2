import type { FieldIssue } from '../shared/errors.js';

/**
 * Overrides of the planning assumptions as people type them, on the command line
 * (`--assume title.intermediate.months=18`) or over HTTP (`?assume=…`, repeatable):
 * `key=value` → `{ title: { intermediate: { months: 18 } } }`. A malformed item is
 * an issue at `path`; the values themselves are checked by plannerAssumptions.
 */
export function parseAssume(
  list: string[],
  issues: FieldIssue[],
  path = '--assume',
): Record<string, unknown> | undefined {
  if (!list.length) return undefined;
  const out: Record<string, unknown> = {};
  for (const item of list) {
    const m = /^([\w.]+)=(.+)$/.exec(item);
    if (!m) {
      issues.push({ path, message: `应为 键=值（如 title.intermediate.months=18）: ${item}` });
      continue;
    }
    const keys = m[1]!.split('.');
    let node = out;
    for (const k of keys.slice(0, -1)) node = (node[k] ??= {}) as Record<string, unknown>;
    const n = Number(m[2]);
    node[keys[keys.length - 1]!] = Number.isFinite(n) ? n : m[2];
  }
  return out;
}
