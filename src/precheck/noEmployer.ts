import type { Verdict } from './types.js';

/** The verdict of every employer condition when the profile gives no `employer`. */
export const noEmployer = (what: string): Verdict => ({
  status: 'unknown',
  reason: `档案未提供用人单位信息（employer），无法判断单位是否${what}。`,
});
