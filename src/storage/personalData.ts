import { JifenError, jsonPath, type FieldIssue } from '../shared/errors.js';

/**
 * Guard for payloads that end up in the audit log or in logs: they must not
 * carry personal data (docs/spec/workflow.md: ID numbers and phone numbers are never
 * written to logs). Refers to people by their ids instead.
 */
const FORBIDDEN_KEYS = new Set([
  'idnumber',
  'id_number',
  'phone',
  'mobile',
  'password',
  'passwordhash',
  'password_hash',
]);
// 18-character resident ID number; a mainland mobile number.
const ID_NUMBER = /(?<![0-9A-Za-z])\d{17}[\dXx](?![0-9A-Za-z])/;
// Alphanumeric boundaries: a run of digits inside a random id (a UUID segment) is not a phone number.
const MOBILE = /(?<![0-9A-Za-z])1[3-9]\d{9}(?![0-9A-Za-z])/;

export function findPersonalData(value: unknown, path: PropertyKey[] = []): FieldIssue[] {
  if (typeof value === 'string') {
    if (ID_NUMBER.test(value)) return [{ path: jsonPath(path), message: '疑似身份证号' }];
    if (MOBILE.test(value)) return [{ path: jsonPath(path), message: '疑似手机号码' }];
    return [];
  }
  if (Array.isArray(value)) return value.flatMap((v, i) => findPersonalData(v, [...path, i]));
  if (value && typeof value === 'object') {
    return Object.entries(value).flatMap(([k, v]) =>
      FORBIDDEN_KEYS.has(k.toLowerCase())
        ? [{ path: jsonPath([...path, k]), message: '不得记录个人敏感信息字段' }]
        : findPersonalData(v, [...path, k]),
    );
  }
  return [];
}

export function assertNoPersonalData(value: unknown, what: string): void {
  const issues = findPersonalData(value);
  if (issues.length > 0) throw new JifenError('validation_failed', `${what}不得包含个人敏感信息`, issues);
}
