import type { ConditionStatus, PrecheckResult } from './types.js';

const MARK: Record<ConditionStatus, string> = { pass: '✓ 符合', fail: '✗ 不符合', unknown: '? 待确认' };

/** A readable Chinese report of one pre-check, for a person at a terminal. */
export function renderPrecheckText(r: PrecheckResult): string {
  const failed = r.conditions.filter((c) => c.status === 'fail').length;
  const unknown = r.conditions.filter((c) => c.status === 'unknown').length;
  const verdict = r.eligible
    ? '符合积分申请条件'
    : `暂不能申请：${failed} 项不符合${unknown ? `，${unknown} 项待确认（档案未提供相关信息）` : ''}`;
  const out = [
    `上海市居住证积分 申请条件预检\u3000申请日 ${r.asOf}\u3000政策版本 ${r.rulesVersion}（数据修订 ${r.dataRevision}）`,
    `结论：${verdict}`,
    '',
  ];
  for (const c of r.conditions) {
    // The reason code stays in the JSON output; people read the reason and its basis (issue 14).
    out.push(`  ${MARK[c.status]}  ${c.reason}`, `      依据：${c.citations.join('；')}`);
  }
  if (r.notes.length) out.push('', '说明：', ...r.notes.map((n) => `  · ${n}`));
  return `${out.join('\n')}\n`;
}
