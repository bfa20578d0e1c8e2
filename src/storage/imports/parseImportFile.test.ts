import { describe, expect, it } from 'vitest';
import { csvRows, parseImportFile } from './parseImportFile.js';

describe('parseImportFile', () => {
  it('reads RFC 4180 CSV: quotes, doubled quotes, embedded newlines, CRLF, BOM; keeps line numbers', () => {
    const text = '\uFEFFa,b\r\n1,"x, ""y"""\r\n\r\n2,"multi\nline"\n3,\n';
    const parsed = parseImportFile('f.CSV', text);
    expect(parsed.header).toEqual(['a', 'b']);
    expect(parsed.records).toEqual([
      { line: 2, values: { a: '1', b: 'x, "y"' } },
      { line: 4, values: { a: '2', b: 'multi\nline' } },
      { line: 6, values: { a: '3' } },
    ]);
    expect(parsed.issues).toEqual([]);
  });
  it('reports ragged rows, bad quotes and duplicate header columns with their lines', () => {
    expect(parseImportFile('f.csv', 'a,b,a\n1,2\n').issues).toEqual([
      { line: 1, path: '$.a', message: '表头中重复的列' },
      { line: 2, path: '$', message: '列数为 2，表头有 3 列' },
    ]);
    expect(csvRows('a\nx"y\n')).toEqual({ line: 2, message: expect.stringContaining('引号') });
    expect(csvRows('a\n"open\n')).toEqual({ line: 2, message: '引号未闭合' });
  });
  it('reads JSONL and refuses other extensions', () => {
    expect(parseImportFile('f.jsonl', '{"a":1}\n\n[]\n').issues).toEqual([
      { line: 3, path: '$', message: '每行应为一个 JSON 对象' },
    ]);
    expect(() => parseImportFile('f.xlsx', '')).toThrow(/csv/);
  });
});
