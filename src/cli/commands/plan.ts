import type { Command } from 'commander';
import { parseAssume } from '../../planner/parseAssume.js';
import { MAX_HORIZON_MONTHS, plan } from '../../planner/plan.js';
import { renderPlanText } from '../../planner/renderPlanText.js';
import { parseProfileJson } from '../../profile/validateProfile.js';
import { JifenError, type FieldIssue } from '../../shared/errors.js';
import { cliPolicy } from '../cliPolicy.js';
import { readInput } from '../readInput.js';

interface PlanFlags {
  format?: string;
  horizon?: string;
  assume: string[];
}

export function registerPlanCommand(program: Command): void {
  program
    .command('plan')
    .description('达标方案：维持现状何时达到标准分值，以及能更早达标的方案（按达标日期和难度排序）')
    .argument('<profile>', '积分档案 JSON 文件（- 表示标准输入）')
    .option('--format <format>', '输出格式: text（默认，中文）| json')
    .option('--horizon <months>', `测算期（月），默认 120，最多 ${MAX_HORIZON_MONTHS}`)
    .option(
      '--assume <key=value>',
      '覆盖测算假设（rules/planner/assumptions.yaml），可重复',
      (v: string, acc: string[]) => [...acc, v],
      [],
    )
    .action(async (profilePath: string, flags: PlanFlags) => {
      const issues: FieldIssue[] = [];
      const format = flags.format ?? 'text';
      if (format !== 'text' && format !== 'json')
        issues.push({ path: '--format', message: '应为 text 或 json' });
      const horizon = flags.horizon === undefined ? undefined : Number(flags.horizon);
      if (
        horizon !== undefined &&
        !(Number.isInteger(horizon) && horizon >= 1 && horizon <= MAX_HORIZON_MONTHS)
      )
        issues.push({ path: '--horizon', message: `应为 1 至 ${MAX_HORIZON_MONTHS} 之间的整数月数` });
      const assumptions = parseAssume(flags.assume, issues);
      if (issues.length) throw new JifenError('validation_failed', '命令参数有误', issues);
      const profile = parseProfileJson(readInput(profilePath));
      const result = plan(profile, { horizonMonths: horizon, assumptions }, await cliPolicy());
      process.stdout.write(
        format === 'json' ? `${JSON.stringify(result, null, 2)}\n` : renderPlanText(result),
      );
    });
}
