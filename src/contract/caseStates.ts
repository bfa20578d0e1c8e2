/**
 * The one list of case states, with their Chinese labels: the machine's (src/workflow/types.ts)
 * and its labels (src/workflow/labels.ts, plain data with no imports at run time, so the web
 * imports the labels at run time too — web/src/vocabulary.ts). Storage keeps the stored subset
 * (no `new`); migration 0001 keeps its own frozen copy, as a migration must.
 */
export { CASE_STATES, STORED_CASE_STATES, type CaseState, type StoredCaseState } from '../workflow/types.js';
export { STATE_LABELS } from '../workflow/labels.js';
