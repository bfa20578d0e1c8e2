// 细则 第十一条：持证人《上海市居住证》签注过期，积分失效。
// 细则 第九条：在《上海市居住证》签注时，对持证人积分予以确认。
import type { Condition } from './types.js';

export const permitEndorsementCurrent: Condition = {
  code: 'permit_endorsement_current',
  cite: [
    { instrument: 'rules2022', article: '第九条（积分确认与调整）' },
    { instrument: 'rules2022', article: '第十一条（积分失效）' },
  ],
  check({ profile, asOf }) {
    const p = profile.permit;
    if (!p) return { status: 'unknown', reason: '档案未提供居住证信息（permit），无法判断签注是否有效。' };
    // No endorsement date is not read as "current": the pre-check passes only on stated facts.
    if (!p.endorsedUntil)
      return {
        status: 'unknown',
        reason: '档案未提供居住证签注有效期，无法判断签注是否过期。',
      };
    const detail = { endorsedUntil: p.endorsedUntil };
    if (p.endorsedUntil < asOf)
      return { status: 'fail', reason: `居住证签注已于 ${p.endorsedUntil} 过期，须先办理签注。`, detail };
    return { status: 'pass', reason: `居住证签注有效（至 ${p.endorsedUntil}）。`, detail };
  },
};
