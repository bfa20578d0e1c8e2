import type { Command } from 'commander';
import { checklist } from '../../checklist/checklist.js';
import { renderChecklistText } from '../../checklist/renderChecklistText.js';
import { profileCommand } from '../profileCommand.js';

/** `jifen checklist PROFILE.json`: the materials to bring, each with the claimed indicator that needs it. */
export function registerChecklistCommand(program: Command): void {
  profileCommand(
    program,
    'checklist',
    '申请材料清单：按档案申报的积分指标和家庭情况，列出须提交的材料、出具单位、原件/复印件及依据',
    (profile, policy) => {
      const result = checklist(profile, policy.catalogue);
      return { json: result, text: () => renderChecklistText(result, policy.rules) };
    },
  );
}
