/** The contract's shapes live in src/contract/; these names stay for the modules that import them here. */
export { problemSchema } from '../contract/problem.js';
export { resultItemSchema, scoreResultSchema } from '../contract/scoreResult.js';
export { decimalInt, explainQuery } from '../contract/query.js';
