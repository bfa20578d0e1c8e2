// 细则 第二条：申请当月应处于就业及缴纳本市职工社会保险状态；细则 第六条（四）/ 政策解读 四：职工社会保险
// 缴费单位与签订劳动（聘用）合同单位不一致的，不作为积分依据。The application is filed by the unit that holds
// the labour contract (用人单位), so the unit paying the application month's insurance must be that unit.
import { indexToIsoMonth } from '../shared/dates.js';
import type { Condition } from './types.js';

export const insuredByFilingUnit: Condition = {
  code: 'insured_by_filing_unit',
  cite: [
    { instrument: 'rules2022', article: '第二条（适用对象）' },
    { instrument: 'interpretation2022', article: '四' },
  ],
  check({ facts, profile }) {
    const month = facts.asOfMonth;
    const run = facts.runs.find((r) => r.from <= month && r.to >= month && !r.backPaid);
    const detail = { applicationMonth: indexToIsoMonth(month), run: run ? run.index : null };
    // No contribution in the application month: contributing_in_application_month already fails;
    // whose it would have been cannot be told.
    if (!run)
      return {
        status: 'unknown',
        reason: `申请当月（${indexToIsoMonth(month)}）无缴费记录，无法核对缴费单位是否为申请单位。`,
        detail,
      };
    // Favourable default, as the contract's `employerMatchesContract` (docs/spec/profile.md): a run that
    // does not say otherwise was paid by the employer holding the labour contract. In a case, the
    // registry decides (src/cases/profileFromRecords.ts compares the payer with the filing unit).
    if (profile.contributions?.[run.index]?.employerMatchesContract === false)
      return {
        status: 'fail',
        reason: `申请当月（${indexToIsoMonth(month)}）的职工社会保险缴费单位不是申请单位（与持证人签订劳动合同的用人单位），须由缴费单位提出申请。`,
        detail,
      };
    return {
      status: 'pass',
      reason: `申请当月（${indexToIsoMonth(month)}）的职工社会保险由申请单位缴纳。`,
      detail,
    };
  },
};
