import type { RuleSet } from '../rules/RuleSet.js';
import type { ParameterKey } from '../rules/rulesDataSchema.js';
import type { ChecklistItem, ChecklistResult } from './checklist.js';

export const FORM: Record<ChecklistItem['form'], string> = {
  original_and_copy: '核对原件，提交复印件',
  copy: '提交复印件',
  original: '提交原件',
  online: '网上核验，无须纸质材料',
};

export const GROUP = (i: ChecklistItem): string =>
  i.neededFor.includes('basic')
    ? '基本材料'
    : i.neededFor.every((n) => n === 'family')
      ? '配偶和子女享受积分待遇所需材料'
      : '积分指标对应材料';

/** The checklist as a printable Chinese list, grouped like the official material list. */
export function renderChecklistText(r: ChecklistResult, rules: RuleSet): string {
  const label = (id: string): string =>
    id === 'basic'
      ? '基本材料'
      : id === 'family'
        ? '家属享受待遇'
        : (rules.data.parameters[id as ParameterKey]?.label ?? id);
  const out = [
    `上海市居住证积分 申请材料清单\u3000申请日 ${r.asOf}（目录修订 ${r.catalogueRevision}）`,
    '除特殊说明外，所有积分申请材料均须核对原件，提交复印件。',
  ];
  let n = 0;
  for (const group of ['基本材料', '积分指标对应材料', '配偶和子女享受积分待遇所需材料']) {
    const items = r.items.filter((i) => GROUP(i) === group);
    if (!items.length) continue;
    out.push('', `【${group}】`);
    for (const i of items) {
      out.push(
        `  ${++n}. ${i.name}\u3000〔${FORM[i.form]}；出具：${i.issuer}；用于：${i.neededFor.map(label).join('、')}〕`,
        `     ${i.reason}`,
      );
      if (i.electronicAlternative) out.push(`     电子核验：${i.electronicAlternative}`);
      out.push(`     依据：${i.citations.join('；')}`);
    }
  }
  if (r.warnings.length) out.push('', '提示：', ...r.warnings.map((w) => `  ! ${w}`));
  return `${out.join('\n')}\n`;
}
