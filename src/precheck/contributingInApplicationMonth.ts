// 细则 第二条：持证人在申办上海市居住证积分时，申请当月应处于就业及缴纳本市职工社会保险状态。
import { indexToIsoMonth } from '../shared/dates.js';
import type { Condition } from './types.js';

export const contributingInApplicationMonth: Condition = {
  code: 'contributing_in_application_month',
  cite: [
    { instrument: 'rules2022', article: '第二条（适用对象）' },
    { instrument: 'interpretation2022', article: '二' },
  ],
  check({ facts }) {
    const month = facts.asOfMonth;
    // A back-paid month is not "contributing in the application month": it was not paid then.
    const run = facts.runs.find((r) => r.from <= month && r.to >= month && !r.backPaid);
    const detail = { applicationMonth: indexToIsoMonth(month), run: run ? run.index : null };
    if (!run)
      return {
        status: 'fail',
        reason: `申请当月（${indexToIsoMonth(month)}）无本市职工社会保险正常缴费记录，须处于就业并缴纳本市职工社保状态方可申请。`,
        detail,
      };
    return {
      status: 'pass',
      reason: `申请当月（${indexToIsoMonth(month)}）处于缴纳本市职工社会保险状态（第 ${run.index + 1} 段缴费记录）。`,
      detail,
    };
  },
};
