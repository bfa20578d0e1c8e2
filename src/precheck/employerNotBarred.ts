// 细则 第十四条：单位在代办积分申请过程中伪造、变造或者使用伪造、变造申请材料的……情节严重的，
// 3年内不得代办积分申请。
// The profile gives the last barred day (`employer.barredUntil`, inclusive): the unit may file again the day after.
import { addDays } from '../shared/dates.js';
import { noEmployer } from './noEmployer.js';
import type { Condition } from './types.js';

export const employerNotBarred: Condition = {
  code: 'employer_not_barred',
  cite: [{ instrument: 'rules2022', article: '第十四条（提供虚假材料的法律责任）' }],
  check({ profile, asOf, params }) {
    const e = profile.employer;
    if (!e) return noEmployer('处于不得代办积分申请的期间');
    const detail = { barredUntil: e.barredUntil ?? null, barYears: params.unitBarYears };
    if (e.barredUntil && asOf <= e.barredUntil)
      return {
        status: 'fail',
        reason: `用人单位因情节严重的虚假材料被禁止代办积分申请至 ${e.barredUntil}，${addDays(e.barredUntil, 1)} 起方可代办。`,
        detail,
      };
    return { status: 'pass', reason: '用人单位不在禁止代办积分申请的期间内。', detail };
  },
};
