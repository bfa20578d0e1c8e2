import { isIsoDate } from '../shared/dates.js';
import { z } from '../shared/zodLocale.js';

/**
 * The fields every command input is built of, with the Chinese messages a person reads when one
 * is wrong (the use cases, src/city and src/accounts parse with them too: src/cases/validate.ts).
 */
export const isoDate = z.string().refine(isIsoDate, { message: '应为真实存在的日期，格式 YYYY-MM-DD' });
export const text = (max = 500) => z.string().trim().min(1, { message: '不能为空' }).max(max);
