import type { Citation } from './rulesDataSchema.js';
import type { RulesData } from './loadRulesData.js';

/** `《上海市居住证积分管理办法实施细则》（沪人社规〔2022〕41号）第六条（四）` */
export function formatCitation(instruments: RulesData['instruments'], c: Citation): string {
  const inst = instruments[c.instrument];
  if (!inst) return c.article;
  return `《${inst.title}》${inst.number ? `（${inst.number}）` : ''}${c.article}`;
}
