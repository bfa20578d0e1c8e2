// 细则 第二条：且前12个月内累计缴纳本市职工社会保险费满6个月（不含补缴）。
// Which months count is policy data (eligibility.countedMonths, with its Decision note).
import { indexToIsoMonth } from '../shared/dates.js';
import type { Condition, ConditionContext } from './types.js';

function countedMonths({ facts, params }: ConditionContext, from: number, to: number): number {
  if (params.countedMonths === 'valid_month') return facts.validMonthsIn(from, to);
  const months = new Set<number>();
  for (const r of facts.runs) {
    if (r.backPaid) continue;
    for (let m = Math.max(r.from, from); m <= Math.min(r.to, to); m++) months.add(m);
  }
  return months.size;
}

export const sixValidMonthsInTwelve: Condition = {
  code: 'six_valid_months_in_twelve',
  cite: [
    { instrument: 'rules2022', article: '第二条（适用对象）' },
    { instrument: 'interpretation2022', article: '二' },
  ],
  check(ctx) {
    const { facts, params } = ctx;
    const to = facts.asOfMonth - 1;
    const from = facts.asOfMonth - params.windowMonths;
    const months = countedMonths(ctx, from, to);
    const window = `${indexToIsoMonth(from)} 至 ${indexToIsoMonth(to)}`;
    const detail = {
      window: { from: indexToIsoMonth(from), to: indexToIsoMonth(to) },
      months,
      required: params.requiredValidMonths,
      countedMonths: params.countedMonths,
    };
    if (months < params.requiredValidMonths)
      return {
        status: 'fail',
        reason: `申请当月前 ${params.windowMonths} 个月（${window}）累计缴纳本市职工社保 ${months} 个月（不含补缴），不足 ${params.requiredValidMonths} 个月，还差 ${params.requiredValidMonths - months} 个月。`,
        detail,
      };
    return {
      status: 'pass',
      reason: `申请当月前 ${params.windowMonths} 个月（${window}）累计缴纳本市职工社保 ${months} 个月（不含补缴），满 ${params.requiredValidMonths} 个月。`,
      detail,
    };
  },
};
