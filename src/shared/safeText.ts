import type { FieldIssue } from './errors.js';
import { jsonPath } from './errors.js';

/**
 * The one string rule of jifen, for every text field, query and id at every
 * boundary (HTTP bodies, queries and path parameters, registry imports): no NUL
 * (PostgreSQL refuses it in text and the request would fail with a 500), no
 * control characters, no bidirectional overrides (a name that reads differently
 * on screen than it sorts and matches, "Trojan source") and no zero-width
 * characters (two names that look alike but differ). Tab, newline and carriage
 * return are allowed only in free-text fields (reasons, grounds, notes).
 */
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F]/;
const LINE_BREAK_OR_TAB = /[\t\n\r]/;
const BIDI = /[\u202A-\u202E\u2066-\u2069\u200E\u200F\u061C]/;
const ZERO_WIDTH = /[\u200B-\u200D\u2060\uFEFF]/;
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/**
 * Keys of free-text fields: multi-line answers of officers and applicants, and `text`, the
 * multi-line content of an uploaded policy-data file (a calendar year, the materials catalogue)
 * or of a refusal's reason.
 */
export const FREE_TEXT_KEYS: ReadonlySet<string> = new Set([
  'text',
  'reason',
  'reasons',
  'grounds',
  'note',
  'notes',
  'comment',
  'remarks',
  'description',
]);

/** Why a string breaks the rule (a Chinese message for the field), or undefined when it is clean. */
export function unsafeTextReason(s: string, opts: { multiline?: boolean } = {}): string | undefined {
  if (CONTROL.test(s) || (!opts.multiline && LINE_BREAK_OR_TAB.test(s))) return '不能包含控制字符';
  if (BIDI.test(s)) return '不能包含文字方向控制符';
  if (ZERO_WIDTH.test(s)) return '不能包含零宽字符';
  if (LONE_SURROGATE.test(s)) return '含有无效的字符编码';
  return undefined;
}

/**
 * Walks a parsed JSON value (a body, a query, path parameters) and names every
 * string — value or key — that breaks the rule, by its JSON path under `root`.
 * A string is free text when its own key is one of FREE_TEXT_KEYS.
 */
export function findUnsafeText(value: unknown, root = '$', limit = 20): FieldIssue[] {
  const issues: FieldIssue[] = [];
  const walk = (v: unknown, path: PropertyKey[], multiline: boolean): void => {
    if (issues.length >= limit) return;
    if (typeof v === 'string') {
      const reason = unsafeTextReason(v, { multiline });
      if (reason) issues.push({ path: at(root, path), message: reason });
    } else if (Array.isArray(v)) {
      v.forEach((x, i) => walk(x, [...path, i], multiline));
    } else if (v !== null && typeof v === 'object') {
      for (const [k, x] of Object.entries(v)) {
        const keyReason = unsafeTextReason(k);
        if (keyReason) issues.push({ path: at(root, [...path, k]), message: `字段名${keyReason}` });
        walk(x, [...path, k], FREE_TEXT_KEYS.has(k));
      }
    }
  };
  walk(value, [], false);
  return issues;
}

/** `$query.q`, `$params.id`, `$.unit.name`: the root's prefix, then the path (made printable). */
function at(root: string, path: PropertyKey[]): string {
  const printable = path.map((k) =>
    typeof k === 'string'
      ? k.replace(/[^\P{C}]|[\u200B-\u200F\u202A-\u202E\u2060-\u2069\u061C\uFEFF]/gu, '?')
      : k,
  );
  return root + jsonPath(printable).slice(1);
}
