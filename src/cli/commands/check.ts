import type { Command } from 'commander';
import { precheck } from '../../precheck/precheck.js';
import { renderPrecheckText } from '../../precheck/renderPrecheckText.js';
import { profileCommand } from '../profileCommand.js';

/** `jifen check PROFILE.json`: exit 0 whenever the check ran (eligible or not), 2 on bad input. */
export function registerCheckCommand(program: Command): void {
  profileCommand(
    program,
    'check',
    '申请条件预检：逐项检查积分申请条件（居住证、社保、单位、账号创建时间等），给出原因与依据',
    (profile, policy) => {
      const result = precheck(profile, { rules: policy.rules, calendar: policy.calendar });
      return { json: result, text: () => renderPrecheckText(result) };
    },
  );
}
