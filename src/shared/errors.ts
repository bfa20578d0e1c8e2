/**
 * The one small error vocabulary of jifen. Every door renders these in its own
 * way: the CLI as exit code 2 with one line per problem, HTTP as problem+json,
 * the web app as a form's error summary. Messages are Chinese, for the people
 * who read them; `code` is stable, for the programs that read them.
 */

/** One problem with one field of an input, named by its JSON path. */
export interface FieldIssue {
  /** JSON path of the offending value, e.g. `$.contributions[2].to`. */
  path: string;
  /** Chinese, readable by a holder or an HR officer. */
  message: string;
}

export type ErrorCode =
  | 'validation_failed'
  | 'not_json'
  | 'input_unreadable'
  | 'rules_data_invalid'
  | 'no_policy_version'
  | 'wage_figure_missing'
  | 'wage_figure_provisional'
  | 'calendar_year_missing'
  | 'not_found'
  | 'forbidden'
  | 'unauthenticated'
  | 'conflict'
  | 'invalid_transition'
  | 'rate_limited'
  | 'unavailable'
  | 'idempotency_mismatch'
  | 'import_rejected'
  | 'payload_too_large'
  | 'unsupported_media_type';

export class JifenError extends Error {
  readonly code: ErrorCode;
  readonly issues: FieldIssue[];
  /** Extra machine-readable facts (never personal data). */
  readonly detail: Record<string, unknown>;

  constructor(
    code: ErrorCode,
    message: string,
    issues: FieldIssue[] = [],
    detail: Record<string, unknown> = {},
  ) {
    super(message);
    this.name = 'JifenError';
    this.code = code;
    this.issues = issues;
    this.detail = detail;
  }
}

export const isJifenError = (e: unknown): e is JifenError => e instanceof JifenError;

/** Renders a zod-style path (array of keys) as a JSON path: `$.a[0].b`. */
export function jsonPath(path: ReadonlyArray<PropertyKey>): string {
  let out = '$';
  for (const key of path) {
    if (typeof key === 'number') out += `[${key}]`;
    else if (typeof key === 'string' && /^[A-Za-z_$][\w$]*$/.test(key)) out += `.${key}`;
    else out += `[${JSON.stringify(String(key))}]`;
  }
  return out;
}
