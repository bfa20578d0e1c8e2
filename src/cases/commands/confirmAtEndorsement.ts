/** 签注时确认 (细则 第九条): same points, new period; run by the registry feed (system) or a clerk. */
import { confirmAtEndorsementInput } from '../../contract/caseCommands.js';
import { caseUseCase } from './caseCommand.js';

export const confirmAtEndorsement = caseUseCase({
  command: 'confirm_at_endorsement',
  what: '签注时确认积分',
  input: confirmAtEndorsementInput,
  prepare: async (input) => ({ payload: input }),
});
