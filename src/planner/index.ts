export { plan, DEFAULT_HORIZON_MONTHS, MAX_HORIZON_MONTHS } from './plan.js';
export { renderPlanText } from './renderPlanText.js';
export { plannerAssumptions, type PlannerAssumptions } from './plannerAssumptions.js';
export * from './types.js';
