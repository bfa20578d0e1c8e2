import type { Profile } from '../profile/profileSchema.js';
import { monthIndex, parseIsoDate } from '../shared/dates.js';
import type { MaterialsCatalogue } from './loadMaterialsCatalogue.js';
import { MATERIAL_CONDITIONS, type ConditionInput, type MaterialCondition } from './materialConditions.js';
import type { MaterialForm } from './materialsCatalogueSchema.js';

export interface ChecklistItem {
  id: string;
  name: string;
  issuer: string;
  /** original_and_copy 核对原件、提交复印件 | copy 提交复印件 | original 提交原件 | online 网上核验、无须纸质材料. */
  form: MaterialForm;
  /** What the holder does when the counter verifies the item through 电子证照/数据共享 instead of paper. */
  electronicAlternative?: string;
  /** The claimed indicator ids this item serves, or 'basic' / 'family'. */
  neededFor: string[];
  /** Chinese: why this applicant needs it (one sentence per reason). */
  reason: string;
  citations: string[];
  /** Family members the item is for (e.g. 第2名子女), when not the holder. */
  subjects?: string[];
}

export interface ChecklistResult {
  asOf: string;
  catalogueRevision: string;
  items: ChecklistItem[];
  warnings: string[];
}

/**
 * The personalised materials checklist (细则 第四条; 个人书面材料): the basic materials, those of
 * every indicator the profile claims, dispatch agreements when dispatched, and the family's when
 * the spouse or children will use the benefits. Nothing unclaimed appears. Pure: no clock, the
 * catalogue is data (rules/catalogues/materials.yaml).
 */
export function checklist(profile: Profile, catalogue: MaterialsCatalogue): ChecklistResult {
  const asOf = parseIsoDate(profile.asOf)!;
  const input: ConditionInput = {
    profile,
    asOf,
    asOfMonth: monthIndex(asOf.y, asOf.m),
    highSchoolChildMinAge: catalogue.parameters.highSchoolChildMinAge,
  };
  const items: ChecklistItem[] = [];
  for (const m of catalogue.materials) {
    const neededFor: string[] = [];
    const reasons: string[] = [];
    const subjects: string[] = [];
    for (const when of m.requiredWhen) {
      const condition: MaterialCondition = MATERIAL_CONDITIONS[when.condition];
      const held = condition.holds(input);
      if (!held) continue;
      for (const id of condition.neededFor) if (!neededFor.includes(id)) neededFor.push(id);
      const who = held.subjects?.length ? `（${held.subjects.join('、')}）` : '';
      reasons.push(`${when.reason}${who}`);
      for (const s of held.subjects ?? []) if (!subjects.includes(s)) subjects.push(s);
    }
    if (!neededFor.length) continue;
    items.push({
      id: m.id,
      name: m.name,
      issuer: m.issuer,
      form: m.form,
      ...(m.electronicAlternative ? { electronicAlternative: m.electronicAlternative } : {}),
      neededFor,
      reason: reasons.join(''),
      citations: m.citations,
      ...(subjects.length ? { subjects } : {}),
    });
  }
  const warnings: string[] = [];
  if (profile.asOf < catalogue.from || profile.asOf > catalogue.to)
    warnings.push(
      `材料目录依据 ${catalogue.from} 至 ${catalogue.to} 施行的规定；申请日 ${profile.asOf} 不在此期间，清单仅供参考。`,
    );
  return { asOf: profile.asOf, catalogueRevision: catalogue.revision, items, warnings };
}
