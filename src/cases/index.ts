/**
 * The use-case layer of the case core (issue 4): one use case per file, all on
 * one executor (`executeCaseCommand`). Transport-free: the CLI, the HTTP API and
 * the tests call these with `{ actor, caseId, expectedVersion?, idempotencyKey,
 * now, today, input }`.
 */
export type { DeclaredCaseUseCase } from './commands/caseCommand.js';
export type { CaseCommandResult, CaseDeps, CommandDocuments, CommandRequest, Db } from './types.js';
export {
  executeCaseCommand,
  readSnapshot,
  type ExecuteRequest,
  type Prepared,
  type PrepareInput,
} from './executor/executeCaseCommand.js';
export { createDraft, createHolderAccount, type CreateRequest } from './commands/createDraft.js';
export { submitApplication } from './commands/submitApplication.js';
export { resubmit } from './commands/resubmit.js';
export { withdrawApplication } from './commands/withdrawApplication.js';
export { acceptApplication } from './commands/acceptApplication.js';
export { returnWithNotice } from './commands/returnWithNotice.js';
export { attachUrgencyNote } from './commands/attachUrgencyNote.js';
export { updateClaims } from './commands/updateClaims.js';
export { assignTask } from './commands/assignTask.js';
export { startReview, ALWAYS_REVIEWED } from './commands/startReview.js';
export { recordTaskResult } from './commands/recordTaskResult.js';
export { referItem } from './commands/referItem.js';
export { settleReferral } from './commands/settleReferral.js';
export { verifyApplication } from './commands/verifyApplication.js';
export { refuseApplication } from './commands/refuseApplication.js';
export { determinePoints } from './commands/determinePoints.js';
export { confirmAtEndorsement } from './commands/confirmAtEndorsement.js';
export { requestAdjustment } from './commands/requestAdjustment.js';
export { applyDecrease } from './commands/applyDecrease.js';
export { correctPoints } from './commands/correctPoints.js';
export { requestReconsideration } from './commands/requestReconsideration.js';
export { decideReconsideration } from './commands/decideReconsideration.js';
export { reviewReconsiderationFact } from './commands/reviewReconsiderationFact.js';
export { applyReviewedFacts } from './commands/applyReviewedFacts.js';
export { engineFacts, type EngineFacts } from './facts/facts.js';
export { expireCase, invalidateCase, remindCase } from './commands/lifecycle.js';
export { registerUnit, verifyUnit, type UnitRequest, type UnitResult } from './commands/units.js';
export {
  getCaseView,
  districtQueue,
  unitCases,
  holderCases,
  districtStatistics,
  summarise,
  mayRead,
  type CaseSummary,
} from './queries/queries.js';
export { cachedCaseView, cachedCaseWorkspace, caseViewCacheStats } from './queries/cachedCaseView.js';
export { sweep, type SweepReport, type SweepOptions } from './commands/sweep.js';
export { EMPLOYER_KIND_OF_UNIT, buildProfile } from './facts/profileFromRecords.js';
