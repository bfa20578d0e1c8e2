// 细则 第二条：持有《上海市居住证》的人员……可以申请积分。
// 细则 第四条（一）1：持证人有效期内的《上海市居住证》。
import type { Condition } from './types.js';

export const permitValid: Condition = {
  code: 'permit_valid',
  cite: [
    { instrument: 'rules2022', article: '第二条（适用对象）' },
    { instrument: 'rules2022', article: '第四条（积分申请材料）（一）1' },
  ],
  check({ profile, asOf }) {
    const p = profile.permit;
    if (!p)
      return {
        status: 'unknown',
        reason: '档案未提供居住证信息（permit），无法判断是否持有有效期内的《上海市居住证》。',
      };
    const detail = { issuedOn: p.issuedOn, validUntil: p.validUntil };
    if (p.issuedOn > asOf)
      return {
        status: 'fail',
        reason: `居住证领取日 ${p.issuedOn} 晚于申请日 ${asOf}，申请日尚未持证。`,
        detail,
      };
    // The expiry day itself is still within the validity period.
    if (p.validUntil < asOf)
      return {
        status: 'fail',
        reason: `居住证有效期已于 ${p.validUntil} 届满，申请日 ${asOf} 不持有有效期内的居住证。`,
        detail,
      };
    return { status: 'pass', reason: `持有有效期内的《上海市居住证》（有效期至 ${p.validUntil}）。`, detail };
  },
};
