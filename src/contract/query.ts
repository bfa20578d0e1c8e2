import { z } from 'zod';

export const explainQuery = z.strictObject({
  explain: z.enum(['true', 'false']).optional().describe('false：精简结果（只含各项分值）'),
});

/**
 * A whole number in a query string: decimal digits only. `Number()` would also
 * take `0x10`, `1e3`, ` 5` or `5.0`; a count or a page is written as digits.
 */
export const decimalInt = (min: number, max: number) =>
  z
    .string()
    .regex(/^\d{1,9}$/, { message: '应为十进制整数' })
    .transform(Number)
    .pipe(z.number().int().min(min).max(max));

/** A record's id in a path (case, unit, holder, user …). */
export const idParams = z.strictObject({ id: z.string().min(1).max(100) });
