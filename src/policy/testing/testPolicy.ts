import { composePolicy } from '../composePolicy.js';

/**
 * The tests' policy snapshot: rules/ as published, no loaded revision. Composed by
 * the same function as the server's and the CLI's; immutable, so no test resets it.
 */
export const testPolicy = composePolicy();
