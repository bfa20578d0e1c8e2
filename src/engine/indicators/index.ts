import type { IndicatorFn } from '../Indicator.js';
import type { IndicatorId } from '../types.js';
import { age } from './age.js';
import { award } from './award.js';
import { declaredFact } from './declaredFact.js';
import { deduction } from './deduction.js';
import { education } from './education.js';
import { insuranceBase } from './insuranceBase.js';
import { insuranceYears } from './insuranceYears.js';
import { investment } from './investment.js';
import { keyArea } from './keyArea.js';
import { publicService } from './publicService.js';
import { qualification } from './qualification.js';
import { shortageMajor } from './shortageMajor.js';
import { spouseHukou } from './spouseHukou.js';

/** One formula per indicator id (rules.md §3–5). */
export const INDICATORS: { [K in IndicatorId]: IndicatorFn<K> } = {
  age,
  education,
  qualification,
  insurance_years: insuranceYears,
  insurance_base: insuranceBase,
  startup_talent: declaredFact('startup_talent'),
  tech_transfer_talent: declaredFact('tech_transfer_talent'),
  shortage_major: shortageMajor,
  investment,
  public_service: publicService,
  key_area: keyArea,
  fresh_graduate: declaredFact('fresh_graduate'),
  award,
  spouse_hukou: spouseHukou,
  false_material: deduction('false_material'),
  administrative_detention: deduction('administrative_detention'),
  criminal_record: deduction('criminal_record'),
};
