/**
 * 统一社会信用代码 (GB 32100-2015 法人和其他组织统一社会信用代码编码规则): 18
 * characters from a 31-character alphabet (no I, O, S, V, Z); the 18th is a
 * check character computed from the first 17 with fixed weights (mod 31).
 */
export const CREDIT_CODE_ALPHABET = '0123456789ABCDEFGHJKLMNPQRTUWXY';
const WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];
const SHAPE = /^[0-9A-HJ-NPQRTUWXY]{18}$/;

/** The check character for the first 17 characters (GB 32100-2015 §5: C18 = 31 − (Σ Ci·Wi mod 31), 31 → 0). */
export function creditCodeCheckChar(first17: string): string {
  if (!/^[0-9A-HJ-NPQRTUWXY]{17}$/.test(first17))
    throw new RangeError('17 characters of the code alphabet expected');
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += CREDIT_CODE_ALPHABET.indexOf(first17[i]!) * WEIGHTS[i]!;
  const check = 31 - (sum % 31);
  return CREDIT_CODE_ALPHABET[check === 31 ? 0 : check]!;
}

/** True when `code` has the shape of a 统一社会信用代码 and its check character is right. */
export function isValidCreditCode(code: string): boolean {
  return SHAPE.test(code) && creditCodeCheckChar(code.slice(0, 17)) === code[17];
}

/** A valid code from 17 characters of the alphabet (seeds, fixtures, benchmarks). */
export function withCreditCodeCheck(first17: string): string {
  return first17 + creditCodeCheckChar(first17);
}

/**
 * A valid, deterministic code for a number: `91` (企业, 工商) + `310000` (上海)
 * + 9 digits of `n` + its check character. Seeds use it to name their units.
 */
export function sampleCreditCode(n: number, region = '310000'): string {
  return withCreditCodeCheck(`91${region}${String(n).padStart(9, '0')}`);
}
