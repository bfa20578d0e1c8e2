import { isIsoMonth } from '../../shared/dates.js';
import { z } from '../../shared/zodLocale.js';

export const isoMonth = z.string().refine(isIsoMonth, { message: '应为真实存在的月份，格式 YYYY-MM' });
