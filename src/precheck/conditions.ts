import { accountCreationAllowed } from './accountCreationAllowed.js';
import { contributingInApplicationMonth } from './contributingInApplicationMonth.js';
import { employerKindEligible } from './employerKindEligible.js';
import { employerNotBarred } from './employerNotBarred.js';
import { employerOperating } from './employerOperating.js';
import { employerPaysTax } from './employerPaysTax.js';
import { employerRegistered } from './employerRegistered.js';
import { insuredByFilingUnit } from './insuredByFilingUnit.js';
import { notBarredFalseMaterial } from './notBarredFalseMaterial.js';
import { notOutOfTownBranchStaff } from './notOutOfTownBranchStaff.js';
import { notVetoed } from './notVetoed.js';
import { permitEndorsementCurrent } from './permitEndorsementCurrent.js';
import { permitNotCancelled } from './permitNotCancelled.js';
import { permitValid } from './permitValid.js';
import { sixValidMonthsInTwelve } from './sixValidMonthsInTwelve.js';
import type { Condition } from './types.js';

/** Every condition of docs/spec/rules.md §6, in the order results list them (holder, then employer, then account). */
export const CONDITIONS: readonly Condition[] = [
  permitValid,
  permitNotCancelled,
  permitEndorsementCurrent,
  contributingInApplicationMonth,
  sixValidMonthsInTwelve,
  notOutOfTownBranchStaff,
  notBarredFalseMaterial,
  notVetoed,
  employerRegistered,
  employerOperating,
  employerPaysTax,
  employerKindEligible,
  employerNotBarred,
  insuredByFilingUnit,
  accountCreationAllowed,
];
