import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  CREDIT_CODE_ALPHABET,
  isValidCreditCode,
  sampleCreditCode,
  withCreditCodeCheck,
} from './creditCode.js';

describe('统一社会信用代码 check character (GB 32100-2015)', () => {
  it('accepts published codes and refuses them with one character changed', () => {
    // Codes printed on public business licences (Tencent, Alibaba, Huawei).
    for (const code of ['9144030071526726XG', '91330100799655058B', '914403001922038216']) {
      expect(isValidCreditCode(code), code).toBe(true);
      const last = code[17]!;
      const other = CREDIT_CODE_ALPHABET[(CREDIT_CODE_ALPHABET.indexOf(last) + 1) % 31]!;
      expect(isValidCreditCode(code.slice(0, 17) + other)).toBe(false);
    }
  });

  it('refuses wrong shapes: length, letters outside the alphabet, lower case', () => {
    for (const code of [
      '',
      '91310000607204808',
      '91310000607204808CC',
      '9131000060720480OC',
      '91310000607204808c',
    ])
      expect(isValidCreditCode(code), code).toBe(false);
  });

  it('maps a remainder of 0 to the check character 0 (31 → 0)', () => {
    // 17 zeros: Σ = 0, 31 − 0 = 31 → 0.
    expect(withCreditCodeCheck('0'.repeat(17))).toBe('0'.repeat(18));
  });

  it('detects every single-character substitution', () => {
    fc.assert(
      fc.property(
        fc.array(fc.constantFrom(...CREDIT_CODE_ALPHABET), { minLength: 17, maxLength: 17 }),
        fc.integer({ min: 0, max: 16 }),
        fc.integer({ min: 1, max: 30 }),
        (chars, pos, shift) => {
          const code = withCreditCodeCheck(chars.join(''));
          expect(isValidCreditCode(code)).toBe(true);
          const changed = [...code];
          changed[pos] = CREDIT_CODE_ALPHABET[(CREDIT_CODE_ALPHABET.indexOf(changed[pos]!) + shift) % 31]!;
          expect(isValidCreditCode(changed.join(''))).toBe(false);
        },
      ),
    );
  });

  it('gives seeds distinct valid codes', () => {
    const codes = [1, 2, 3, 999_999_999].map((n) => sampleCreditCode(n));
    for (const c of codes) expect(isValidCreditCode(c), c).toBe(true);
    expect(new Set(codes).size).toBe(codes.length);
  });
});
