// 政策解读 一：……且依法纳税的用人单位，适用居住证积分政策。
import { noEmployer } from './noEmployer.js';
import type { Condition } from './types.js';

export const employerPaysTax: Condition = {
  code: 'employer_pays_tax',
  cite: [{ instrument: 'interpretation2022', article: '一' }],
  check({ profile }) {
    const e = profile.employer;
    if (!e) return noEmployer('在本市依法纳税');
    const detail = { paysTaxInShanghai: e.paysTaxInShanghai };
    if (!e.paysTaxInShanghai)
      return { status: 'fail', reason: '用人单位未在本市依法纳税，不适用居住证积分政策。', detail };
    return { status: 'pass', reason: '用人单位在本市依法纳税。', detail };
  },
};
