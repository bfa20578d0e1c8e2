import type { FormInstance } from 'antd';
import { ApiError } from '../api/client';
import { namePathOf } from '../components/ProblemAlert';

export type NamePath = (string | number)[];

/**
 * Puts the API's field errors (problem+json JSON paths) on the profile form's
 * fields. A path naming a whole list entry (e.g. an overlapping contribution run
 * `$.contributions[1]`) lands on its first field; a path the form does not have
 * stays in the error summary only. Returns the names it set, to clear them later.
 */
export function applyProfileErrors(form: FormInstance, error: unknown): NamePath[] {
  if (!(error instanceof ApiError)) return [];
  const known = new Set(form.getFieldsError().map((f) => JSON.stringify(f.name)));
  const byName = new Map<string, { name: NamePath; errors: string[] }>();
  for (const f of error.fields) {
    const base = namePathOf(f.path);
    const candidates: NamePath[] = [
      base,
      ...['from', 'level', 'type', 'date', 'area'].map((k) => [...base, k]),
    ];
    const name = candidates.find((c) => known.has(JSON.stringify(c)));
    if (!name) continue;
    const key = JSON.stringify(name);
    const entry = byName.get(key) ?? { name, errors: [] };
    entry.errors.push(f.message);
    byName.set(key, entry);
  }
  const fields = [...byName.values()];
  form.setFields(fields);
  return fields.map((f) => f.name);
}

export function clearProfileErrors(form: FormInstance, names: NamePath[]): void {
  if (names.length) form.setFields(names.map((name) => ({ name, errors: [] })));
}
