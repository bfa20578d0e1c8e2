// 政策解读 一：……正常经营……的用人单位，适用居住证积分政策；未实际经营的企业……不属于积分政策适用范围。
import { noEmployer } from './noEmployer.js';
import type { Condition } from './types.js';

export const employerOperating: Condition = {
  code: 'employer_operating',
  cite: [{ instrument: 'interpretation2022', article: '一' }],
  check({ profile }) {
    const e = profile.employer;
    if (!e) return noEmployer('正常经营');
    const detail = { operatingNormally: e.operatingNormally };
    if (!e.operatingNormally)
      return { status: 'fail', reason: '用人单位未正常（实际）经营，不属于居住证积分政策适用范围。', detail };
    return { status: 'pass', reason: '用人单位正常经营。', detail };
  },
};
