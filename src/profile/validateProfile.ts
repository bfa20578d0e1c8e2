import type { z } from 'zod';
import { JifenError, jsonPath, type FieldIssue } from '../shared/errors.js';
import { fastProfile } from './fastProfile.js';
import { crossFieldIssues, profileSchema, type Profile } from './profileSchema.js';

/** Turns zod issues into JSON-path issues; an unknown key is reported at its own path. */
export function toFieldIssues(issues: ReadonlyArray<z.core.$ZodIssue>): FieldIssue[] {
  const out: FieldIssue[] = [];
  for (const issue of issues) {
    if (issue.code === 'unrecognized_keys') {
      for (const key of issue.keys)
        out.push({ path: jsonPath([...issue.path, key]), message: '未知字段（契约中没有此字段）' });
    } else if (issue.code === 'invalid_union' && issue.errors.length) {
      out.push(
        ...toFieldIssues(issue.errors.flat().map((e) => ({ ...e, path: [...issue.path, ...e.path] }))),
      );
    } else {
      out.push({ path: jsonPath(issue.path), message: issue.message });
    }
  }
  return out;
}

/** Validates a parsed JSON value as a profile; throws `validation_failed` naming every bad path. */
export function validateProfile(input: unknown, prefix = '$'): Profile {
  const fast = fastProfile(input);
  if (fast) return fast;
  const parsed = profileSchema.safeParse(input);
  const cross = crossFieldIssues(input);
  if (parsed.success && cross.length === 0) return parsed.data;
  const issues = parsed.success ? cross : [...toFieldIssues(parsed.error.issues), ...cross];
  throw new JifenError(
    'validation_failed',
    '积分档案（profile）校验失败',
    prefix === '$' ? issues : issues.map((i) => ({ ...i, path: prefix + i.path.slice(1) })),
  );
}

const CASE_KEYS = new Set(['name', 'source', 'description', 'profile', 'expected']);

/**
 * Accepts a bare profile, or a golden-case file of `shared/spec/cases/`
 * (`{ name, source, profile, expected }`), whose `profile` is scored. The
 * envelope is recognised only when it has `profile` and no `asOf`; its other
 * keys are checked too, so a typo is still named.
 */
export function validateProfileOrCase(input: unknown): Profile {
  if (
    input &&
    typeof input === 'object' &&
    !Array.isArray(input) &&
    'profile' in input &&
    !('asOf' in input)
  ) {
    const unknown = Object.keys(input).filter((k) => !CASE_KEYS.has(k));
    if (unknown.length)
      throw new JifenError(
        'validation_failed',
        '用例文件校验失败',
        unknown.map((k) => ({
          path: `$.${k}`,
          message: '未知字段（用例文件只含 name、source、profile、expected）',
        })),
      );
    return validateProfile((input as { profile: unknown }).profile, '$.profile');
  }
  return validateProfile(input);
}

/** Parses JSON text and validates it; text that is not JSON is its own error. */
export function parseProfileJson(text: string): Profile {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (e) {
    throw new JifenError('not_json', '输入不是有效的 JSON', [{ path: '$', message: (e as Error).message }]);
  }
  return validateProfileOrCase(raw);
}
