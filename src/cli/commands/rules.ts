import type { Command } from 'commander';
import { rulesInForce } from '../../rules/rulesInForce.js';
import { isIsoDate } from '../../shared/dates.js';
import { JifenError } from '../../shared/errors.js';
import { cliPolicy } from '../cliPolicy.js';

const show = (v: unknown): string =>
  v === null ? '（本版本不设此指标）' : typeof v === 'object' ? JSON.stringify(v) : String(v);

export function registerRulesCommand(program: Command): void {
  program
    .command('rules')
    .description('政策参数查询：某日有效的全部积分参数、生效期间与依据')
    .option('--at <date>', '查询日期 YYYY-MM-DD（默认为最新政策版本的开始日）')
    .option('--format <format>', 'text（默认）| json', 'text')
    .action(async (flags: { at?: string; format: string }) => {
      const { rules } = await cliPolicy();
      const date = flags.at ?? rules.versions[rules.versions.length - 1]!.from;
      if (!isIsoDate(date))
        throw new JifenError('validation_failed', `日期无效: ${date}`, [
          { path: '--at', message: '应为真实存在的日期 YYYY-MM-DD' },
        ]);
      const r = rulesInForce(rules, date);
      if (flags.format === 'json') {
        process.stdout.write(`${JSON.stringify(r, null, 2)}\n`);
        return;
      }
      const out = [
        `${r.date} 有效的积分政策：${r.version.id}（${r.version.from} 至 ${r.version.to}）${r.version.title}`,
        `数据修订 ${r.dataRevision}`,
        '',
      ];
      for (const p of r.parameters) {
        out.push(`■ ${p.label}（${p.key}）  ${p.from} 至 ${p.to}`);
        out.push(`  取值：${show(p.value)}`);
        out.push(`  依据：${p.citations.join('；')}`);
        if (p.note) out.push(`  说明：${p.note}`);
      }
      out.push(
        '',
        `■ 社平工资（${r.wage.month} 缴费月份适用）：${r.wage.value} 元，适用 ${r.wage.from} 至 ${r.wage.to}${r.wage.provisional ? '【尚未公布，暂用最近公布值】' : ''}`,
        `  依据：${r.wage.citation}`,
      );
      process.stdout.write(`${out.join('\n')}\n`);
    });
}
