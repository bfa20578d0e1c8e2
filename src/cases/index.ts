/**
 * The use-case layer of the case core (issue 4): one use case per file, all on
 * one executor (`executeCaseCommand`). Transport-free: the CLI, the HTTP API and
 * the tests call these with `{ actor, caseId, expectedVersion?, idempotencyKey,
 * now, today, input }`.
 */
export type { DeclaredCaseUseCase } from './caseCommand.js';
export type { CaseCommandResult, CaseDeps, CommandDocuments, CommandRequest, Db } from './types.js';
export {
  executeCaseCommand,
  readSnapshot,
  type ExecuteRequest,
  type Prepared,
  type PrepareInput,
} from './executeCaseCommand.js';
export { createDraft, createHolderAccount, createDraftInput, type CreateRequest } from './createDraft.js';
export { submitApplication } from './submitApplication.js';
export { resubmit } from './resubmit.js';
export { withdrawApplication } from './withdrawApplication.js';
export { acceptApplication } from './acceptApplication.js';
export { returnWithNotice } from './returnWithNotice.js';
export { attachUrgencyNote } from './attachUrgencyNote.js';
export { updateClaims, updateClaimsInput } from './updateClaims.js';
export { assignTask, assignTaskInput } from './assignTask.js';
export { startReview, ALWAYS_REVIEWED } from './startReview.js';
export { recordTaskResult } from './recordTaskResult.js';
export { referItem } from './referItem.js';
export { settleReferral } from './settleReferral.js';
export { verifyApplication } from './verifyApplication.js';
export { refuseApplication } from './refuseApplication.js';
export { determinePoints } from './determinePoints.js';
export { confirmAtEndorsement } from './confirmAtEndorsement.js';
export { requestAdjustment } from './requestAdjustment.js';
export { applyDecrease } from './applyDecrease.js';
export { correctPoints } from './correctPoints.js';
export { requestReconsideration } from './requestReconsideration.js';
export { decideReconsideration } from './decideReconsideration.js';
export { reviewReconsiderationFact } from './reviewReconsiderationFact.js';
export { applyReviewedFacts } from './applyReviewedFacts.js';
export { engineFacts, type EngineFacts } from './facts.js';
export { expireCase, invalidateCase, remindCase } from './lifecycle.js';
export { registerUnit, verifyUnit, verifyUnitInput, type UnitRequest, type UnitResult } from './units.js';
export {
  getCaseView,
  districtQueue,
  unitCases,
  holderCases,
  districtStatistics,
  summarise,
  mayRead,
  type CaseSummary,
} from './queries.js';
export { cachedCaseView, cachedCaseWorkspace, caseViewCacheStats } from './cachedCaseView.js';
export { sweep, type SweepReport, type SweepOptions } from './sweep.js';
export { CLAIMABLE, EMPLOYER_KIND_OF_UNIT, buildProfile } from './profileFromRecords.js';
