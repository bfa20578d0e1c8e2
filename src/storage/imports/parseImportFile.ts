import { JifenError, type FieldIssue } from '../../shared/errors.js';

/**
 * Reads a registry file into records with their line numbers: CSV with a
 * header row (RFC 4180: quoted fields, doubled quotes, CRLF, a UTF-8 BOM) or
 * JSON Lines, chosen by the file extension. Blank lines are skipped but keep
 * the count, so every error can name the line a person sees in an editor.
 */

export type ImportFormat = 'csv' | 'jsonl';

export interface ImportRecord {
  /** 1-based line where the record starts. */
  line: number;
  values: Record<string, unknown>;
}

export interface ParsedImportFile {
  format: ImportFormat;
  /** CSV header (in file order); undefined for JSONL. */
  header?: string[];
  records: ImportRecord[];
  /** Problems of the file's structure (bad JSON, ragged rows); every one with its line. */
  issues: (FieldIssue & { line: number })[];
}

export function formatOf(fileName: string): ImportFormat {
  const lower = fileName.toLowerCase();
  if (lower.endsWith('.csv')) return 'csv';
  if (lower.endsWith('.jsonl') || lower.endsWith('.ndjson')) return 'jsonl';
  throw new JifenError('validation_failed', '无法识别的文件类型：只接受 .csv 或 .jsonl', [
    { path: '$.file', message: fileName },
  ]);
}

export function parseImportFile(fileName: string, content: string): ParsedImportFile {
  const text = content.startsWith('\uFEFF') ? content.slice(1) : content;
  return formatOf(fileName) === 'csv' ? parseCsv(text) : parseJsonl(text);
}

function parseJsonl(text: string): ParsedImportFile {
  const records: ImportRecord[] = [];
  const issues: ParsedImportFile['issues'] = [];
  text.split(/\r?\n/).forEach((raw, i) => {
    const line = i + 1;
    if (raw.trim() === '') return;
    let value: unknown;
    try {
      value = JSON.parse(raw);
    } catch {
      issues.push({ line, path: '$', message: '不是有效的 JSON' });
      return;
    }
    if (value === null || typeof value !== 'object' || Array.isArray(value)) {
      issues.push({ line, path: '$', message: '每行应为一个 JSON 对象' });
      return;
    }
    records.push({ line, values: value as Record<string, unknown> });
  });
  return { format: 'jsonl', records, issues };
}

/** Splits CSV text into rows of fields, each with the line it starts on. */
export function csvRows(
  text: string,
): { line: number; fields: string[] }[] | { line: number; message: string } {
  const rows: { line: number; fields: string[] }[] = [];
  let fields: string[] = [];
  let field = '';
  let inQuotes = false;
  let line = 1;
  let rowLine = 1;
  let fieldStarted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    if (inQuotes) {
      if (ch === '"') {
        if (text[i + 1] === '"') {
          field += '"';
          i++;
        } else inQuotes = false;
      } else {
        if (ch === '\n') line++;
        field += ch;
      }
      continue;
    }
    if (ch === '"' && !fieldStarted) {
      inQuotes = true;
      fieldStarted = true;
    } else if (ch === ',') {
      fields.push(field);
      field = '';
      fieldStarted = false;
    } else if (ch === '\n' || ch === '\r') {
      if (ch === '\r' && text[i + 1] === '\n') i++;
      fields.push(field);
      rows.push({ line: rowLine, fields });
      fields = [];
      field = '';
      fieldStarted = false;
      line++;
      rowLine = line;
    } else if (ch === '"') {
      return { line, message: '引号位置错误：字段中的引号须整体加引号并写成两个引号' };
    } else {
      field += ch;
      fieldStarted = true;
    }
  }
  if (inQuotes) return { line: rowLine, message: '引号未闭合' };
  if (fieldStarted || fields.length > 0) {
    fields.push(field);
    rows.push({ line: rowLine, fields });
  }
  return rows.filter((r) => !(r.fields.length === 1 && r.fields[0]!.trim() === ''));
}

function parseCsv(text: string): ParsedImportFile {
  const rows = csvRows(text);
  if (!Array.isArray(rows))
    return { format: 'csv', records: [], issues: [{ line: rows.line, path: '$', message: rows.message }] };
  const [headerRow, ...dataRows] = rows;
  if (!headerRow)
    return {
      format: 'csv',
      header: [],
      records: [],
      issues: [{ line: 1, path: '$', message: '文件为空：缺少表头行' }],
    };
  const header = headerRow.fields.map((h) => h.trim());
  const issues: ParsedImportFile['issues'] = [];
  const seen = new Set<string>();
  for (const name of header) {
    if (seen.has(name)) issues.push({ line: headerRow.line, path: `$.${name}`, message: '表头中重复的列' });
    seen.add(name);
  }
  const records: ImportRecord[] = [];
  for (const row of dataRows) {
    if (row.fields.length !== header.length) {
      issues.push({
        line: row.line,
        path: '$',
        message: `列数为 ${row.fields.length}，表头有 ${header.length} 列`,
      });
      continue;
    }
    const values: Record<string, unknown> = {};
    header.forEach((name, i) => {
      const v = row.fields[i]!.trim();
      // An empty CSV cell means "absent", as a missing key does in JSON.
      if (v !== '') values[name] = v;
    });
    records.push({ line: row.line, values });
  }
  return { format: 'csv', header, records, issues };
}
