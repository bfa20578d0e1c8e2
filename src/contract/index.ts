/**
 * The public contract of the API: the zod schemas every route declares (body, params, query,
 * success answer) and the types inferred from them. One source: the OpenAPI document is
 * generated from these schemas, and the web imports their types (`import type`, erased at build)
 * through web/src/api/contract.ts. See docs/architecture.md "The contract".
 */
export * from './accounts.js';
export * from './admin.js';
export * from './caseCommands.js';
export * from './cases.js';
export * from './claims.js';
export * from './caseStates.js';
export * from './checklist.js';
export * from './counter.js';
export * from './evidence.js';
export * from './files.js';
export * from './notice.js';
export * from './plan.js';
export * from './precheck.js';
export * from './problem.js';
export * from './profile.js';
export * from './query.js';
export * from './rules.js';
export * from './scoreResult.js';
export * from './statistics.js';
export * from './units.js';
export * from './requests.js';
