import { z } from 'zod';
import { isIsoDate, isIsoMonth } from '../../shared/dates.js';
import { isValidCreditCode } from '../../shared/creditCode.js';
import { unsafeTextReason } from '../../shared/safeText.js';

/**
 * Field types of registry files. The same schema reads a CSV cell (always
 * text) and a JSONL value (text, number or boolean); `null`, an empty cell
 * and a missing key all mean "absent". Messages are Chinese, for the clerk
 * who fixes the file.
 */

const absent = (v: unknown): boolean => v === undefined || v === null || v === '';

type Parsed<T> = { ok: true; value: T } | { ok: false; message: string };
const ok = <T>(value: T): Parsed<T> => ({ ok: true, value });
const fail = (message: string): Parsed<never> => ({ ok: false, message });

function field<T>(parse: (v: unknown) => Parsed<T>, what: string) {
  return z.unknown().transform((v, ctx): T => {
    if (absent(v)) {
      ctx.addIssue({ code: 'custom', message: `缺少必填字段（${what}）` });
      return z.NEVER;
    }
    const out = parse(v);
    if (out.ok) return out.value;
    ctx.addIssue({ code: 'custom', message: out.message });
    return z.NEVER;
  });
}

function optional<T>(parse: (v: unknown) => Parsed<T>) {
  return z.unknown().transform((v, ctx): T | null => {
    if (absent(v)) return null;
    const out = parse(v);
    if (out.ok) return out.value;
    ctx.addIssue({ code: 'custom', message: out.message });
    return z.NEVER;
  });
}

const asText = (max: number) => (v: unknown) => {
  if (typeof v !== 'string' && typeof v !== 'number') return fail('应为文本');
  const s = String(v).trim();
  if (s.length > max) return fail(`过长（最多 ${max} 个字符）`);
  const unsafe = unsafeTextReason(s);
  return unsafe ? fail(unsafe) : ok(s);
};

const asDate = (v: unknown) =>
  typeof v === 'string' && isIsoDate(v.trim())
    ? ok(v.trim())
    : fail(`不是有效日期（应为 YYYY-MM-DD）: ${String(v)}`);
const asMonth = (v: unknown) =>
  typeof v === 'string' && isIsoMonth(v.trim())
    ? ok(v.trim())
    : fail(`不是有效月份（应为 YYYY-MM）: ${String(v)}`);

/** CNY with at most two decimals → integer fen, by string arithmetic (no binary floating point). */
const asFen = (v: unknown) => {
  const s =
    typeof v === 'number' ? (Number.isFinite(v) ? String(v) : '') : typeof v === 'string' ? v.trim() : '';
  const m = /^(\d{1,13})(?:\.(\d{1,2}))?$/.exec(s);
  if (!m) return fail(`金额无效（应为不小于 0、最多两位小数的元）: ${String(v)}`);
  return ok(Number(m[1]) * 100 + Number((m[2] ?? '').padEnd(2, '0')));
};

const asBool = (v: unknown) => {
  if (v === true || v === 'true' || v === '1' || v === 1 || v === '是') return ok(true);
  if (v === false || v === 'false' || v === '0' || v === 0 || v === '否') return ok(false);
  return fail(`应为 true 或 false: ${String(v)}`);
};

const asOneOf =
  <T extends string>(values: readonly T[]) =>
  (v: unknown): Parsed<T> =>
    typeof v === 'string' && (values as readonly string[]).includes(v.trim())
      ? ok(v.trim() as T)
      : fail(`取值无效，应为: ${values.join(', ')}`);

// GB 11643: 17 digits and an ISO 7064 MOD 11-2 check character.
const ID_WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
export function idNumberCheckChar(first17: string): string {
  const sum = [...first17].reduce((acc, d, i) => acc + Number(d) * ID_WEIGHTS[i]!, 0);
  return '10X98765432'[sum % 11]!;
}
export function isValidIdNumber(s: string): boolean {
  return (
    /^\d{17}[\dX]$/.test(s) &&
    isIsoDate(`${s.slice(6, 10)}-${s.slice(10, 12)}-${s.slice(12, 14)}`) &&
    idNumberCheckChar(s.slice(0, 17)) === s[17]
  );
}
// Never echo the number itself: error lists end up in terminals and tickets.
const asIdNumber = (v: unknown) => {
  const s = typeof v === 'string' ? v.trim().toUpperCase() : '';
  return isValidIdNumber(s) ? ok(s) : fail('身份证号码无效（格式、出生日期或校验位不符）');
};

// GB 32100-2015 unified social credit code: 18 characters of the code alphabet (the 3rd–8th the
// administrative division, digits), the last a check character over the first 17.
const asCreditCode = (v: unknown) => {
  const s = typeof v === 'string' ? v.trim().toUpperCase() : '';
  if (!/^[0-9A-HJ-NP-RTUW-Y]{2}\d{6}[0-9A-HJ-NP-RTUW-Y]{10}$/.test(s))
    return fail(`统一社会信用代码无效: ${safeEcho(v)}`);
  return isValidCreditCode(s) ? ok(s) : fail(`统一社会信用代码校验位不正确: ${s}`);
};
/** A refused value, printable: control and invisible characters shown as `?` (the message reaches a terminal). */
const safeEcho = (v: unknown) =>
  String(v)
    .slice(0, 40)
    .replace(/[^\P{C}]/gu, '?');

export const f = {
  text: (what: string, max = 200) => field(asText(max), what),
  optText: (max = 200) => optional(asText(max)),
  date: (what: string) => field(asDate, what),
  optDate: () => optional(asDate),
  month: (what: string) => field(asMonth, what),
  fen: (what: string) => field(asFen, what),
  bool: (what: string) => field(asBool, what),
  oneOf: <T extends string>(values: readonly T[], what: string) => field(asOneOf(values), what),
  optOneOf: <T extends string>(values: readonly T[]) => optional(asOneOf(values)),
  idNumber: () => field(asIdNumber, '身份证号码'),
  creditCode: (what = '统一社会信用代码') => field(asCreditCode, what),
};
