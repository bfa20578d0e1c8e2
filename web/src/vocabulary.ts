/**
 * The words the server and the UI share, imported from the server's own
 * modules (browser-safe: no Node imports), so a district or a state label
 * cannot drift between the API and the pages.
 */
export { DISTRICTS } from '../../src/shared/vocabulary.js';
export type { District } from '../../src/shared/vocabulary.js';
export { STATE_LABELS } from '../../src/workflow/labels.js';
// The one list of states (plain data: its module imports only the shared vocabulary at run time).
export { CASE_STATES, STORED_CASE_STATES } from '../../src/workflow/types.js';
