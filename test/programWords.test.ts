import { describe, expect, it } from 'vitest';
import { programWords } from './programWords.js';

describe('programWords (the check behind the Chinese-only tests)', () => {
  it.each([
    ['出生日期 birthDate', 'birthDate'],
    ['(raiseBase.startAfterMonths)', 'raiseBase'],
    ['(title.intermediate.months)', 'title.intermediate.months'],
    ['[employer_registered] 依据', 'employer_registered'],
    ['请求参数校验失败 $query.q', '$query.q'],
    ['to 为 null', 'null'],
    ['Decision: the policy sets no limit', 'the policy sets'],
  ])('finds the program word in %s', (text, word) => {
    expect(programWords(text).join('\n')).toContain(word);
  });

  it('passes Chinese text with numbers, dates, version ids and the allowed terms', () => {
    expect(
      programWords(
        '政策版本 v2023（数据修订 3fa2b1c09d1e）2025-09-15 总分 130 分；下载 PDF 或 JSON，扫描 QR 码；账号 clerk.ja',
      ),
    ).toEqual([]);
  });
});
