import type { GroupRow } from './ImpactTally.js';
import type { ImpactReport } from './runImpact.js';

const width = (s: string): number => {
  let w = 0;
  for (const ch of s) w += /[\u1100-\uffff]/.test(ch) ? 2 : 1;
  return w;
};
const padEnd = (s: string, n: number): string => s + ' '.repeat(Math.max(0, n - width(s)));
const padStart = (s: string, n: number): string => ' '.repeat(Math.max(0, n - width(s))) + s;
const pct = (n: number, d: number): string => (d ? `${((n / d) * 100).toFixed(1)}%` : '—');
const signed = (n: number): string => (n > 0 ? `+${n}` : String(n));

function table(title: string, rows: GroupRow[]): string[] {
  const out = [
    '',
    title,
    `  ${padEnd('', 12)}${padStart('人数', 10)}${padStart('达标(前)', 12)}${padStart('达标(后)', 12)}${padStart('新达标', 9)}${padStart('不再达标', 10)}${padStart('均分(前)', 11)}${padStart('均分(后)', 11)}`,
  ];
  for (const r of rows)
    out.push(
      `  ${padEnd(r.key, 12)}${padStart(String(r.count), 10)}${padStart(String(r.qualifiedBefore), 12)}${padStart(String(r.qualifiedAfter), 12)}${padStart(String(r.crossedUp), 9)}${padStart(String(r.crossedDown), 10)}${padStart(r.meanBefore.toFixed(1), 11)}${padStart(r.meanAfter.toFixed(1), 11)}`,
    );
  return out;
}

/** A readable Chinese impact report. */
export function renderImpactText(r: ImpactReport): string {
  const n = r.population.profiles;
  const out: string[] = [];
  out.push(`政策影响测算：${r.reform.name}（自 ${r.reform.from} 起）`);
  if (r.reform.description) out.push(`  ${r.reform.description}`);
  out.push(
    `  调整参数：${[...r.reform.parameters.map((p) => p.label), ...(r.reform.wages ? ['社平工资'] : [])].join('、') || '无'}；规则数据 ${r.rulesRevision.before} → ${r.rulesRevision.after}`,
  );
  out.push(`  人群：${n} 人（${r.population.lines} 行）`);
  out.push('');
  out.push(
    `  达标人数：${r.before.qualified}（${pct(r.before.qualified, n)}） → ${r.after.qualified}（${pct(r.after.qualified, n)}），${signed(r.after.qualified - r.before.qualified)}`,
  );
  out.push(`  新达标 ${r.crossedUp} 人，不再达标 ${r.crossedDown} 人；总分有变化 ${r.changed} 人`);
  out.push(
    `  平均总分：${r.before.meanTotal.toFixed(2)} → ${r.after.meanTotal.toFixed(2)}；总分合计 ${r.before.totalSum} → ${r.after.totalSum}`,
  );
  if (r.before.vetoed || r.after.vetoed) out.push(`  一票否决：${r.before.vetoed} → ${r.after.vetoed}`);
  if (r.before.provisional || r.after.provisional)
    out.push(`  暂定结果（用到尚未公布的社平工资）：${r.before.provisional} → ${r.after.provisional}`);
  out.push(
    '',
    '总分分布（每 10 分一档）：',
    `  ${padEnd('分数段', 12)}${padStart('调整前', 10)}${padStart('调整后', 10)}${padStart('变化', 9)}`,
  );
  for (const b of r.distribution)
    out.push(
      `  ${padEnd(b.band, 12)}${padStart(String(b.before), 10)}${padStart(String(b.after), 10)}${padStart(signed(b.after - b.before), 9)}`,
    );
  out.push(...table('按区：', r.byDistrict), ...table('按年龄段：', r.byAgeBand));
  return `${out.join('\n')}\n`;
}
