// 细则 第二条：本市单位在外省市设立的分支机构的工作人员，不属于申请积分对象。
import type { Condition } from './types.js';

export const notOutOfTownBranchStaff: Condition = {
  code: 'not_out_of_town_branch_staff',
  cite: [{ instrument: 'rules2022', article: '第二条（适用对象）' }],
  check({ profile }) {
    const v = profile.employedAtOutOfTownBranch;
    // Not stated → unknown: the pre-check passes only on stated facts (docs/profile-extensions.md).
    if (v === undefined)
      return {
        status: 'unknown',
        reason:
          '档案未说明是否为本市单位在外省市设立的分支机构的工作人员，请在“是否在本市单位的外省市分支机构工作”一项中选择。',
      };
    if (v)
      return {
        status: 'fail',
        reason: '本市单位在外省市设立的分支机构的工作人员，不属于积分申请对象。',
        detail: { employedAtOutOfTownBranch: v },
      };
    return {
      status: 'pass',
      reason: '不是本市单位在外省市分支机构的工作人员。',
      detail: { employedAtOutOfTownBranch: v },
    };
  },
};
