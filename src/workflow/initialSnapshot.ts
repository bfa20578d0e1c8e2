import type { CaseSnapshot } from './types.js';

/**
 * The snapshot of a case that does not exist yet (`new`, version 0): what the
 * use-case layer builds from the holder's permit and the unit before running
 * `create_draft` through `transition()`.
 */
export function initialSnapshot(input: {
  caseId: string;
  holderId: string;
  unitId: string;
  /** The district where the unit is registered (受理机构, 细则 第三条). */
  district: string;
  permit: { issuedOn: string; validUntil: string };
}): CaseSnapshot {
  return {
    caseId: input.caseId,
    version: 0,
    state: 'new',
    cycle: 'initial',
    holderId: input.holderId,
    unitId: input.unitId,
    district: input.district,
    permit: { issuedOn: input.permit.issuedOn, validUntil: input.permit.validUntil },
    submittedOn: null,
    acceptedOn: null,
    verifiedOn: null,
    checklist: [],
    notices: { count: 0, lastItems: [], itemsPassed: [] },
    tasks: [],
    pause: { since: null, pausedWorkdays: 0 },
    deadlines: {},
    remindersSent: [],
    determination: null,
    determinationCount: 0,
    reconsideration: { state: 'none', requestedOn: null, aboutSeq: null },
    urgency: null,
    closedOn: null,
  };
}
