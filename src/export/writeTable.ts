import { PassThrough, type Readable } from 'node:stream';
import ExcelJS from 'exceljs';

/**
 * A list as a file (issue 15): .xlsx through exceljs's streaming writer (rows
 * are committed as they come, never held all at once) or CSV (UTF-8 with a
 * byte-order mark, so that Excel reads the Chinese). Headers are the column
 * names of the screen; values are what the screen shows.
 */
export type ExportFormat = 'xlsx' | 'csv';

export interface TableColumn<R> {
  header: string;
  width?: number;
  value: (row: R) => string | number | null;
}

export const EXPORT_MIME: Record<ExportFormat, string> = {
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  csv: 'text/csv; charset=utf-8',
};

// A cell that starts like a formula is written as text (CSV/formula injection).
const FORMULA = /^[=+\-@\t\r]/;
const safe = (v: string | number | null): string | number =>
  v === null ? '' : typeof v === 'string' && FORMULA.test(v) ? `'${v}` : v;

const csvCell = (v: string | number): string => {
  const s = String(v);
  return /[",\r\n]/.test(s) ? `"${s.replaceAll('"', '""')}"` : s;
};

/**
 * Writes the table to a stream. `note` (e.g. that the list was capped) is the
 * first line of the file, above the headers.
 */
export function writeTable<R>(opts: {
  format: ExportFormat;
  sheetName: string;
  columns: TableColumn<R>[];
  rows: AsyncIterable<R[]>;
  note?: string | null;
}): Readable {
  const out = new PassThrough();
  const { columns } = opts;
  const run = async () => {
    if (opts.format === 'csv') {
      out.write('\uFEFF');
      if (opts.note) out.write(`${csvCell(opts.note)}\r\n`);
      out.write(`${columns.map((c) => csvCell(c.header)).join(',')}\r\n`);
      for await (const chunk of opts.rows) {
        const text = chunk.map((r) => columns.map((c) => csvCell(safe(c.value(r)))).join(',')).join('\r\n');
        if (!out.write(`${text}\r\n`)) await new Promise((resolve) => out.once('drain', resolve));
      }
      out.end();
      return;
    }
    const book = new ExcelJS.stream.xlsx.WorkbookWriter({
      stream: out,
      useStyles: true,
      useSharedStrings: false,
    });
    const sheet = book.addWorksheet(opts.sheetName);
    sheet.columns = columns.map((c) => ({ width: c.width ?? 16 }));
    if (opts.note) sheet.addRow([opts.note]).commit();
    const head = sheet.addRow(columns.map((c) => c.header));
    head.font = { bold: true };
    head.commit();
    for await (const chunk of opts.rows)
      for (const r of chunk) sheet.addRow(columns.map((c) => safe(c.value(r)))).commit();
    sheet.commit();
    await book.commit();
  };
  run().catch((e: unknown) => out.destroy(e instanceof Error ? e : new Error(String(e))));
  return out;
}
