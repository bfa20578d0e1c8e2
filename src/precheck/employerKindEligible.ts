// 政策解读 一：非注册在本市企业的在沪办事处、部门，未实际经营的企业，个体工商户，未在沪缴纳企业税的
// 在沪分公司等，不属于居住证积分政策适用范围。
// The excluded kinds are policy data (eligibility.ineligibleEmployerKinds, branchNeedsShanghaiTax).
import type { EmployerKind } from '../profile/profileSchema.js';
import { noEmployer } from './noEmployer.js';
import type { Condition } from './types.js';

const KIND_NAMES: Record<EmployerKind, string> = {
  enterprise: '企业',
  institution: '事业单位',
  social_organization: '社会团体',
  private_non_enterprise: '民办非企业单位',
  representative_office: '非本市注册企业的在沪办事处（部门）',
  individual_business: '个体工商户',
  branch: '外省市企业的在沪分公司',
};

export const employerKindEligible: Condition = {
  code: 'employer_kind_eligible',
  cite: [{ instrument: 'interpretation2022', article: '一' }],
  check({ profile, params }) {
    const e = profile.employer;
    if (!e) return noEmployer('属于积分政策适用的单位类型');
    const name = KIND_NAMES[e.kind];
    const detail = { kind: e.kind, ineligibleKinds: params.ineligibleEmployerKinds };
    if (params.ineligibleEmployerKinds.includes(e.kind))
      return { status: 'fail', reason: `用人单位为${name}，不属于居住证积分政策适用范围。`, detail };
    if (e.kind === 'branch' && params.branchNeedsShanghaiTax && !e.paysTaxInShanghai)
      return {
        status: 'fail',
        reason: `用人单位为${name}，未在沪缴纳企业税，不属于居住证积分政策适用范围。`,
        detail,
      };
    return { status: 'pass', reason: `用人单位类型（${name}）属于积分政策适用范围。`, detail };
  },
};
