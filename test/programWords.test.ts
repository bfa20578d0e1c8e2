import { describe, expect, it } from 'vitest';
import { programWords } from './programWords.js';

describe('programWords', () => {
  it('finds identifiers, JSON paths and English sentences', () => {
    expect(programWords('读取 birthDate 与 ageYears')).toEqual([
      'camelCase: birthDate',
      'camelCase: ageYears',
    ]);
    expect(programWords('原因 application_form')).toEqual(['snake_case: application_form']);
    expect(programWords('`$query.q`：申请编号')).toEqual(['JSON 路径: $query.q']);
    expect(programWords('（title.intermediate.months）')).toEqual(['点分键名: title.intermediate.months']);
    expect(programWords('Decision: the rate is kept')).toContain('英文句子: Decision: the rate is kept');
  });
  it('lets Chinese text and the allowed terms through', () => {
    expect(programWords('导出 PDF 与 JSON，扫描 QR 码，短信 SMS，命令行 jifen，Excel 表格')).toEqual([]);
    expect(programWords('积分 120 分，2026-11，核验码 24ZC 6GWY')).toEqual([]);
  });
});
