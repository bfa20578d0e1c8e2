import type { Kysely } from 'kysely';
import type { z } from 'zod';
import { JifenError, jsonPath, type FieldIssue } from '../../shared/errors.js';
import { holderIdsByIdNumber } from '../holderRepository.js';
import { toInstant } from '../instant.js';
import { runInTransaction } from '../runInTransaction.js';
import type { Database } from '../schema.js';
import { IMPORT_KINDS, KIND_DEFS, type ImportKind, type Resolved } from './importKinds.js';
import { parseImportFile, type ImportFormat } from './parseImportFile.js';

export interface ImportReport {
  kind: ImportKind;
  format: ImportFormat;
  rows: number;
  inserted: number;
  unchanged: number;
}

export interface LineIssue {
  line: number;
  /** JSON path of the field (CSV columns are keys: `$.month`). */
  path: string;
  message: string;
}

export function isImportKind(kind: string): kind is ImportKind {
  return (IMPORT_KINDS as readonly string[]).includes(kind);
}

function zodIssues(error: z.ZodError, line: number): LineIssue[] {
  return error.issues.flatMap((issue) =>
    issue.code === 'unrecognized_keys'
      ? issue.keys.map((key) => ({ line, path: jsonPath([...issue.path, key]), message: '未知字段' }))
      : [{ line, path: jsonPath(issue.path), message: issue.message }],
  );
}

function reject(kindLabel: string, issues: LineIssue[]): never {
  const sorted = [...issues].sort((a, b) => a.line - b.line || a.path.localeCompare(b.path));
  const lines = new Set(sorted.map((i) => i.line)).size;
  const fieldIssues: FieldIssue[] = sorted.map((i) => ({
    path: `第 ${i.line} 行 ${i.path}`,
    message: i.message,
  }));
  throw new JifenError(
    'import_rejected',
    `${kindLabel}导入被拒绝：${lines} 行有错误，未写入任何数据`,
    fieldIssues,
    { issues: sorted },
  );
}

/**
 * Imports one registry file, all or nothing: every row is validated (zod),
 * checked against the other rows of the file (no duplicate natural keys) and
 * against the database (the holder exists; a row already present must have
 * the same values). Any problem rejects the whole file, listing every bad
 * line, and nothing is written. Rows already present with the same values
 * count as unchanged, so importing the same file twice changes nothing.
 */
export async function importRegistryFile(
  db: Kysely<Database>,
  kind: ImportKind,
  fileName: string,
  content: string,
  now: string,
): Promise<ImportReport> {
  const def = KIND_DEFS[kind];
  const at = toInstant(now);
  const parsed = parseImportFile(fileName, content);
  const issues: LineIssue[] = [...parsed.issues];

  if (parsed.header) {
    const headerIssues: LineIssue[] = [];
    for (const column of def.required) {
      if (!parsed.header.includes(column))
        headerIssues.push({ line: 1, path: jsonPath([column]), message: '缺少必需的列' });
    }
    for (const column of parsed.header) {
      if (!def.columns.includes(column))
        headerIssues.push({ line: 1, path: jsonPath([column]), message: '未知的列' });
    }
    // With wrong columns every row would repeat the same error: report the header alone.
    if (headerIssues.length > 0) reject(def.label, [...headerIssues, ...issues]);
  }

  const valid: { line: number; row: unknown }[] = [];
  const firstLineOfKey = new Map<string, number>();
  for (const record of parsed.records) {
    // Every known column present (absent = null), so that optional columns read as null and
    // required ones report "missing" with the field's name; unknown keys stay for the strict check.
    const input = { ...Object.fromEntries(def.columns.map((c) => [c, null])), ...record.values };
    const result = def.schema.safeParse(input);
    if (!result.success) {
      issues.push(...zodIssues(result.error, record.line));
      continue;
    }
    const key = def.fileKey(result.data);
    const first = firstLineOfKey.get(key);
    if (first !== undefined) {
      issues.push({ line: record.line, path: '$', message: `${def.duplicateMessage}（与第 ${first} 行）` });
      continue;
    }
    firstLineOfKey.set(key, record.line);
    valid.push({ line: record.line, row: result.data });
  }

  return runInTransaction(db, async (tx) => {
    let holders = new Map<string, string>();
    const idNumberOf = def.idNumberOf;
    if (idNumberOf)
      holders = await holderIdsByIdNumber(
        tx,
        valid.map((v) => idNumberOf(v.row)),
      );
    const resolved: (Resolved<unknown> & { line: number })[] = [];
    for (const v of valid) {
      const holderId = idNumberOf ? (holders.get(idNumberOf(v.row)) ?? null) : null;
      if (idNumberOf && holderId === null) {
        issues.push({ line: v.line, path: '$.idNumber', message: '持证人不存在（请先导入持证人）' });
        continue;
      }
      resolved.push({ line: v.line, row: v.row, holderId });
    }
    const existing = resolved.length > 0 ? await def.loadExisting(tx, resolved) : new Map<string, string>();
    const fresh: Resolved<unknown>[] = [];
    let unchanged = 0;
    for (const r of resolved) {
      const stored = existing.get(def.dbKey(r));
      if (stored === undefined) fresh.push(r);
      else if (stored === def.comparable(r)) unchanged++;
      else
        issues.push({ line: r.line, path: '$', message: '该记录已存在且数值不同（已导入的数据不能被覆盖）' });
    }
    if (issues.length > 0) reject(def.label, issues);
    await def.insert(tx, fresh, at);
    return { kind, format: parsed.format, rows: parsed.records.length, inserted: fresh.length, unchanged };
  });
}
