export { precheck } from './precheck.js';
export { CONDITIONS } from './conditions.js';
export { renderPrecheckText } from './renderPrecheckText.js';
export type {
  ConditionCode,
  ConditionResult,
  ConditionStatus,
  PrecheckOptions,
  PrecheckResult,
} from './types.js';
