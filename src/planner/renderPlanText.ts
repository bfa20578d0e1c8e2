import type { Plan } from './types.js';

const BAR_WIDTH = 40;

/**
 * A small ASCII chart of the baseline: one row a year (and the reach date), the bar
 * scaled to the larger of the standard and the best total, `|` marking the standard.
 */
function chart(plan: Plan): string[] {
  const tl = plan.baseline.timeline;
  const rows = tl.filter(
    (p, k) => k === 0 || k % 12 === 0 || k === tl.length - 1 || p.date === plan.baseline.reachesStandardOn,
  );
  const max = Math.max(plan.standard, ...tl.map((p) => p.total), 1);
  const mark = Math.round((plan.standard / max) * BAR_WIDTH);
  return rows.map((p) => {
    const n = Math.max(0, Math.round((p.total / max) * BAR_WIDTH));
    const bar = [...'#'.repeat(n).padEnd(BAR_WIDTH + 1, ' ')];
    bar[mark] = '|';
    return `  ${p.date}  ${String(p.total).padStart(4)}  ${bar.join('')}${p.provisional ? ' 暂定' : ''}`;
  });
}

/** A readable Chinese 达标方案 for a person at a terminal. */
export function renderPlanText(plan: Plan): string {
  const c = plan.current;
  const out: string[] = [];
  out.push(
    `上海市居住证积分 达标方案  申请日 ${plan.asOf}  政策版本 ${c.rulesVersion}  测算期 ${plan.horizonMonths} 个月`,
  );
  out.push(
    `当前总分 ${c.total} 分（标准分值 ${plan.standard} 分）${c.qualified ? '：已达到标准分值' : `：还差 ${plan.standard - c.total} 分`}${c.provisional ? '【暂定】' : ''}`,
  );
  out.push('');
  const reach = plan.baseline.reachesStandardOn;
  out.push(
    reach
      ? reach === plan.asOf
        ? '维持现状：已达到标准分值。'
        : `维持现状：预计 ${reach} 达到标准分值。`
      : `维持现状：测算期内（至 ${plan.baseline.timeline[plan.baseline.timeline.length - 1]!.date}）无法达到标准分值。`,
  );
  out.push(...chart(plan));
  if (plan.options.length) {
    out.push('', `可选方案（按达标日期、难度排序；难度为 1–10 的相对值，组合为两项之和）：`);
    plan.options.forEach((o, i) => {
      out.push('');
      out.push(
        `${i + 1}. ${o.reachesStandardOn ? `${o.reachesStandardOn} 达标` : `测算期内不能达标（最高 ${o.bestTotal} 分）`}  难度 ${o.effort}${o.provisional ? '  暂定' : ''}`,
      );
      for (const a of o.actions) out.push(`   · ${a}`);
      out.push(`   ${o.explanation}`);
      out.push(`   假设：${o.assumptions.join('；')}。`);
    });
  } else if (!c.qualified) out.push('', '没有能够提前达标或提高积分的方案。');
  if (plan.warnings.length || c.warnings.length)
    out.push('', '提示：', ...[...c.warnings, ...plan.warnings].map((w) => `  ! ${w}`));
  return `${out.join('\n')}\n`;
}
