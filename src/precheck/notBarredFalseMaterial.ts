// 细则 第十四条：个人在申请积分过程中伪造、变造或者使用伪造、变造申请材料的……情节严重的，3年内不得申请积分。
// The bar runs from the record date; on its N-th anniversary it has ended (same reading as the
// false_material deduction's Decision note).
import { addYears } from '../shared/dates.js';
import type { Condition } from './types.js';

export const notBarredFalseMaterial: Condition = {
  code: 'not_barred_false_material',
  cite: [{ instrument: 'rules2022', article: '第十四条（提供虚假材料的法律责任）' }],
  check({ profile, asOf, params }) {
    // `records` is a list: absent means none (docs/spec/profile.md), so this condition is always decided.
    const bars = (profile.records ?? [])
      .map((r, index) => ({ ...r, index }))
      .filter((r) => r.type === 'false_material' && r.serious === true && r.date <= asOf)
      .map((r) => ({ record: r.index, date: r.date, until: addYears(r.date, params.personalBarYears) }))
      .filter((b) => asOf < b.until);
    const detail = { barYears: params.personalBarYears, bars };
    if (bars.length) {
      const last = bars.reduce((a, b) => (b.until > a.until ? b : a));
      return {
        status: 'fail',
        reason: `${last.date} 有情节严重的提供虚假材料记录，${params.personalBarYears} 年内不得申请积分（${last.until} 起方可申请）。`,
        detail,
      };
    }
    return {
      status: 'pass',
      reason: `近 ${params.personalBarYears} 年内无情节严重的提供虚假材料记录。`,
      detail,
    };
  },
};
