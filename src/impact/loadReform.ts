import { createHash } from 'node:crypto';
import { parse as parseYaml } from 'yaml';
import { toFieldIssues } from '../profile/validateProfile.js';
import { JifenError } from '../shared/errors.js';
import { reformSchema, type Reform } from './reformSchema.js';

export interface LoadedReform {
  reform: Reform;
  /** Short content hash, appended to the rules revision of results computed under the reform. */
  hash: string;
}

/** Parses and validates a reform file's text; every problem is named by its key path. */
export function loadReform(text: string): LoadedReform {
  let raw: unknown;
  try {
    raw = parseYaml(text);
  } catch (e) {
    throw new JifenError('validation_failed', '改革方案文件不是有效的 YAML', [
      { path: '$', message: (e as Error).message.split('\n')[0] ?? 'YAML 语法错误' },
    ]);
  }
  const parsed = reformSchema.safeParse(raw);
  if (!parsed.success)
    throw new JifenError('validation_failed', '改革方案文件有误', toFieldIssues(parsed.error.issues));
  return { reform: parsed.data, hash: createHash('sha256').update(text).digest('hex').slice(0, 8) };
}
