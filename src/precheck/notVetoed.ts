// 政策解读 八：持证人有严重刑事犯罪记录的，取消申请《上海市居住证》积分资格。
// The veto is the engine's own (src/engine/vetoes.ts), so the pre-check and the score never disagree.
import { vetoes } from '../engine/vetoes.js';
import type { Condition } from './types.js';

export const notVetoed: Condition = {
  code: 'not_vetoed',
  cite: [{ instrument: 'interpretation2022', article: '八' }],
  check({ facts }) {
    const v = vetoes(facts, true);
    const extraCitations = v.details.flatMap((d) => d.citations);
    if (v.vetoes.length)
      return {
        status: 'fail',
        reason: v.details.map((d) => d.explanation).join(''),
        detail: { vetoes: v.vetoes },
        extraCitations,
      };
    return { status: 'pass', reason: '无一票否决情形。', detail: { vetoes: [] } };
  },
};
