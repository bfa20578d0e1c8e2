import type { ResultItem, ScoreResult } from '../engine/types.js';

const GROUPS = { basic: '基础指标', bonus: '加分指标', deduction: '减分指标' } as const;

const pad = (s: string, width: number): string => {
  // CJK characters take two columns in a terminal.
  let w = 0;
  for (const ch of s) w += /[\u1100-\uffff]/.test(ch) ? 2 : 1;
  return s + ' '.repeat(Math.max(0, width - w));
};

/** A readable Chinese breakdown of one result, for a person at a terminal. */
export function renderResultText(r: ScoreResult): string {
  const out: string[] = [];
  out.push(
    `上海市居住证积分 模拟估分  申请日 ${r.asOf}  政策版本 ${r.rulesVersion}（数据修订 ${r.dataRevision}）`,
  );
  const verdict = r.vetoed
    ? '一票否决，不符合申请条件'
    : r.qualified
      ? '达到标准分值'
      : `距标准分值还差 ${r.standard - r.total} 分`;
  out.push(`总分 ${r.total}（标准分值 ${r.standard}）：${verdict}${r.provisional ? '【暂定】' : ''}`);
  for (const group of ['basic', 'bonus', 'deduction'] as const) {
    const items = r.items.filter((i) => i.group === group);
    if (!items.length) continue;
    out.push('', `${GROUPS[group]}（小计 ${items.reduce((s, i) => s + i.points, 0)} 分）`);
    for (const item of items) out.push(...renderItem(item));
  }
  for (const v of r.vetoDetails ?? [])
    out.push('', `一票否决：${v.explanation}`, `    依据：${v.citations.join('；')}`);
  if (r.warnings.length) out.push('', '提示：', ...r.warnings.map((w) => `  ! ${w}`));
  return `${out.join('\n')}\n`;
}

function renderItem(item: ResultItem): string[] {
  const head = `  ${pad(item.label ?? item.id, 34)}${String(item.points).padStart(5)} 分`;
  if (!item.explanation) return [head];
  const lines = [head, `      ${item.explanation}`];
  if (item.next) lines.push(`      → ${item.next}`);
  // Every item, 0 points included, names its legal basis (issue 14).
  if (item.citations?.length) lines.push(`      依据：${item.citations.join('；')}`);
  return lines;
}
