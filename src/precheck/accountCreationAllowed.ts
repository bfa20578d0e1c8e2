// 基本流程 5：为保证居住证数据传送，申请人领取《上海市居住证》3个工作日后，用人单位再为其网上注册
// 创建积分账号。
//
// Which day counts: the day the permit was collected (`permit.issuedOn`) is not counted (as for any
// period counted in days, 民法典 第二百零一条: 开始的当日不计入); the account may be created from the
// 3rd working day after it, i.e. `calendar.addWorkdays(issuedOn, 3)`, because by then the permit data
// have had three full working days to reach the points system. The working days are those of the
// official calendar (holidays and 调休 included). A year without calendar data is a failure with
// that reason, never a guess.
import { isJifenError } from '../shared/errors.js';
import type { Condition } from './types.js';

export const accountCreationAllowed: Condition = {
  code: 'account_creation_allowed',
  cite: [{ instrument: 'applicationProcedure', article: '5' }],
  check({ profile, asOf, params, calendar }) {
    const p = profile.permit;
    if (!p)
      return {
        status: 'unknown',
        reason: '档案未提供居住证领取日期，无法判断能否创建积分账号。',
      };
    const n = params.accountAfterPermitWorkdays;
    let earliest: string;
    try {
      earliest = calendar.addWorkdays(p.issuedOn, n);
    } catch (e) {
      if (!isJifenError(e) || e.code !== 'calendar_year_missing') throw e;
      return {
        status: 'fail',
        reason: `无法计算领取居住证后第 ${n} 个工作日：${e.message}。`,
        detail: { issuedOn: p.issuedOn, workdays: n, error: e.code, year: e.detail.year },
      };
    }
    const detail = { issuedOn: p.issuedOn, workdays: n, earliest };
    if (asOf < earliest)
      return {
        status: 'fail',
        reason: `居住证于 ${p.issuedOn} 领取，须在领取后第 ${n} 个工作日（${earliest}）起，单位方可为其创建积分账号。`,
        detail,
      };
    return {
      status: 'pass',
      reason: `居住证于 ${p.issuedOn} 领取，自 ${earliest}（领取后第 ${n} 个工作日）起可创建积分账号。`,
      detail,
    };
  },
};
