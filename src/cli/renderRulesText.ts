import type { RulesInForce } from '../rules/rulesInForce.js';

/** The parameters in force on a date, in Chinese: the key and the raw value stay in the JSON output (issue 14). */
export function renderRulesText(r: RulesInForce): string {
  const out = [
    `${r.date} 有效的积分政策：${r.version.id}（${r.version.from} 至 ${r.version.to}）${r.version.title}`,
    `数据修订 ${r.dataRevision}`,
    '',
  ];
  for (const p of r.parameters) {
    out.push(`■ ${p.label}  ${p.from} 至 ${p.to}`);
    out.push(`  取值：${p.text}`);
    out.push(`  依据：${p.citations.join('；')}`);
    if (p.note) out.push(`  说明：${p.note}`);
  }
  out.push(
    '',
    `■ 社平工资（${r.wage.month} 缴费月份适用）：${r.wage.value} 元，适用 ${r.wage.from} 至 ${r.wage.to}${r.wage.provisional ? '【尚未公布，暂用最近公布值】' : ''}`,
    `  依据：${r.wage.citation}`,
  );
  return `${out.join('\n')}\n`;
}
