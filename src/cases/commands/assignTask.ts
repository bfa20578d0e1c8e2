/**
 * 分派审核人员 (issue 15): a review task is given to a named reviewer of the
 * case's own district (workflow.md rooms: a district officer works only their
 * district's cases). The district's reviewers and approvers, and the city
 * supervisor, may assign; the assignment changes no result and no deadline.
 */
import { JifenError } from '../../shared/errors.js';
import { getUser } from '../../storage/userRepository.js';
import { assignTaskInput } from '../../contract/caseCommands.js';
import { caseUseCase } from './caseCommand.js';

export const assignTask = caseUseCase({
  command: 'assign_task',
  what: '分派审核人员',
  input: assignTaskInput,
  prepare: async (input, { tx, snapshot }) => {
    const officer = await getUser(tx, input.assigneeId);
    if (
      !officer ||
      officer.role !== 'district_reviewer' ||
      officer.district !== snapshot.district ||
      !officer.active
    )
      throw new JifenError(
        'validation_failed',
        '只能分派给本案件所在区在岗的审核人员',
        [{ path: '$.input.assigneeId', message: '不是本区在岗的审核人员' }],
        { caseId: snapshot.caseId },
      );
    return { payload: { taskId: input.taskId, assigneeId: officer.id } };
  },
});
