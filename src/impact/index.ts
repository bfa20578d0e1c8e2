export { loadReform, type LoadedReform } from './loadReform.js';
export { reformPatch, mergeValue, REFORM_INSTRUMENT } from './reformPatch.js';
export { reformSchema, type Reform } from './reformSchema.js';
export { runImpact, IMPACT_CONTRACT, type ImpactReport, type ImpactRun } from './runImpact.js';
export { renderImpactText } from './renderImpactText.js';
export { parsePopulationLine, type PopulationMember } from './parsePopulationLine.js';
export { reformRuleSet } from './reformRuleSet.js';
