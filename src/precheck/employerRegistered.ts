// 政策解读 一：在本市行政区域内注册、正常经营且依法纳税的用人单位，适用居住证积分政策。
import { noEmployer } from './noEmployer.js';
import type { Condition } from './types.js';

export const employerRegistered: Condition = {
  code: 'employer_registered',
  cite: [{ instrument: 'interpretation2022', article: '一' }],
  check({ profile }) {
    const e = profile.employer;
    if (!e) return noEmployer('在本市注册');
    const detail = { registeredInShanghai: e.registeredInShanghai, district: e.district };
    if (!e.registeredInShanghai)
      return { status: 'fail', reason: '用人单位未在本市行政区域内注册，不适用居住证积分政策。', detail };
    return {
      status: 'pass',
      reason: `用人单位在本市注册（${e.district.endsWith('区') ? e.district : `${e.district}区`}）。`,
      detail,
    };
  },
};
