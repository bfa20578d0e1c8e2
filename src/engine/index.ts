export { score } from './score.js';
export * from './types.js';
