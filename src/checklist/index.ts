export { checklist, type ChecklistItem, type ChecklistResult } from './checklist.js';
export { loadMaterialsCatalogue, type MaterialsCatalogue } from './loadMaterialsCatalogue.js';
export {
  MATERIAL_CONDITIONS,
  MATERIAL_CONDITION_IDS,
  type MaterialConditionId,
} from './materialConditions.js';
export { renderChecklistText } from './renderChecklistText.js';
