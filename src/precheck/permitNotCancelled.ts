// 细则 第十一条：持证人《上海市居住证》被注销时，积分自动失效。
// 细则 第二条：申请人须持有《上海市居住证》；已注销的居住证不再是“持有”。
import type { Condition } from './types.js';

export const permitNotCancelled: Condition = {
  code: 'permit_not_cancelled',
  cite: [
    { instrument: 'rules2022', article: '第二条（适用对象）' },
    { instrument: 'rules2022', article: '第十一条（积分失效）' },
  ],
  check({ profile }) {
    const p = profile.permit;
    if (!p)
      return { status: 'unknown', reason: '档案未提供居住证信息（permit），无法判断居住证是否已被注销。' };
    if (p.status === 'cancelled')
      return {
        status: 'fail',
        reason: '居住证已被注销，不能申请积分（已有积分自动失效）。',
        detail: { status: p.status },
      };
    return { status: 'pass', reason: '居住证未被注销。', detail: { status: p.status } };
  },
};
