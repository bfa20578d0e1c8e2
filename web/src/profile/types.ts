/**
 * The public contracts as the web UI reads them (shared/spec/profile.md: the
 * profile, the result and the plan; the pre-check, checklist, rules and notice
 * answers of the public API). Types only: the server validates every field.
 */

export type EducationLevel = 'associate' | 'bachelor' | 'master' | 'doctor';
export type KeyAreaId = 'lingang' | 'new_town' | 'north_south' | 'other_key' | 'lingang_old';
export type AwardLevel = 'municipal_special' | 'municipal_comprehensive' | 'national';
export type RecordType =
  'false_material' | 'administrative_detention' | 'criminal' | 'serious_criminal' | 'family_planning';
export type EmployerKind =
  | 'enterprise'
  | 'institution'
  | 'social_organization'
  | 'private_non_enterprise'
  | 'representative_office'
  | 'individual_business'
  | 'branch';

export interface Education {
  level: EducationLevel;
  degree?: boolean;
  fullTime?: boolean;
  foreign?: boolean;
  recognized?: boolean;
  major?: { code: string; name: string };
}

export type Qualification =
  | {
      type: 'title';
      level: 'junior' | 'intermediate' | 'senior';
      route?: 'exam' | 'review';
      matchesPost?: boolean;
      obtainedWhileWorkingInShanghai?: boolean;
    }
  | {
      type: 'skill';
      level: number;
      matchesPost?: boolean;
      onShortageCatalog?: boolean;
      obtainedWhileWorkingInShanghai?: boolean;
      verifiedNationally?: boolean;
    }
  | {
      type: 'certificate';
      equivalentLevel: 'intermediate' | 'senior';
      requiresRegistration?: boolean;
      registered?: boolean;
      matchesPost?: boolean;
    };

export interface Contribution {
  from: string;
  to?: string | null;
  base: number;
  backPaid?: boolean;
  employerMatchesContract?: boolean;
  taxConsistent?: boolean;
}

export interface Period {
  from: string;
  to?: string | null;
}

export interface Profile {
  asOf: string;
  birthDate: string;
  education?: Education[];
  qualifications?: Qualification[];
  contributions?: Contribution[];
  shortageMajor?: { onCatalog?: boolean; matchesPost?: boolean };
  startupTalent?: boolean;
  techTransferTalent?: boolean;
  investment?: { share?: number; annualTax?: number[]; hukouEmployees?: number[] };
  publicService?: Period[];
  keyArea?: Array<Period & { area: KeyAreaId }>;
  freshGraduate?: boolean;
  awards?: Array<{ level: AwardLevel }>;
  spouse?: { shanghaiHukou?: boolean; marriageDate?: string };
  records?: Array<{ type: RecordType; date: string; serious?: boolean }>;
  permit?: { issuedOn: string; validUntil: string; endorsedUntil?: string; status: 'active' | 'cancelled' };
  employer?: {
    district: string;
    kind: EmployerKind;
    registeredInShanghai: boolean;
    operatingNormally: boolean;
    paysTaxInShanghai: boolean;
    barredUntil?: string;
  };
  employedAtOutOfTownBranch?: boolean;
  employment?: { dispatched?: boolean };
  family?: {
    spouseUsesBenefits?: boolean;
    children?: Array<{ birthDate: string; usesBenefits?: boolean; fullTimeHighSchool?: boolean }>;
  };
}

export interface ParameterRead {
  key: string;
  label: string;
  /** The Chinese sentence rendering this parameter's value (issue 14); shown instead of the value. */
  text?: string;
  value: unknown;
  from: string;
  to: string;
  citations: string[];
  note?: string;
}

export interface ResultItem {
  id: string;
  group: 'basic' | 'bonus' | 'deduction';
  points: number;
  label?: string;
  explanation?: string;
  citations?: string[];
  inputs?: Record<string, unknown>;
  /** The inputs as people read them (issue 14); the raw `inputs` are never shown. */
  facts?: Array<{ label: string; text: string }>;
  parameters?: ParameterRead[];
  next?: string | null;
}

export interface ScoreResult {
  contract: number;
  rulesVersion: string;
  dataRevision: string;
  asOf: string;
  standard: number;
  total: number;
  qualified: boolean;
  vetoed: boolean;
  vetoes: string[];
  provisional: boolean;
  warnings: string[];
  items: ResultItem[];
  vetoDetails?: Array<{ id: string; explanation: string; citations: string[] }>;
}

export interface TimelinePoint {
  date: string;
  total: number;
  provisional?: boolean;
}

export interface PlanOption {
  id: string;
  actions: string[];
  reachesStandardOn: string | null;
  totalAtHorizon: number;
  bestTotal: number;
  assumptions: string[];
  explanation: string;
  effort: number;
  provisional: boolean;
}

export interface Plan {
  contract: number;
  asOf: string;
  standard: number;
  horizonMonths: number;
  current: ScoreResult;
  baseline: { reachesStandardOn: string | null; timeline: TimelinePoint[] };
  options: PlanOption[];
  warnings: string[];
}

export interface PrecheckCondition {
  code: string;
  status: 'pass' | 'fail' | 'unknown';
  passed: boolean;
  reason: string;
  citations: string[];
}

export interface PrecheckResult {
  asOf: string;
  rulesVersion: string;
  dataRevision: string;
  eligible: boolean;
  conditions: PrecheckCondition[];
  notes: string[];
}

export interface ChecklistItem {
  id: string;
  name: string;
  issuer: string;
  form: 'original_and_copy' | 'copy' | 'original' | 'online';
  electronicAlternative?: string;
  neededFor: string[];
  reason: string;
  citations: string[];
}

export interface ChecklistResult {
  asOf: string;
  catalogueRevision: string;
  items: ChecklistItem[];
  warnings: string[];
}

export interface RuleParameter {
  key: string;
  label: string;
  group?: string;
  description?: string;
  /** The Chinese sentence rendering the value in force (issue 14). */
  text?: string;
  value: unknown;
  from: string;
  to: string;
  citations: string[];
  note?: string;
}

export interface RulesInForce {
  date: string;
  version: { id: string; from: string; to: string; title: string };
  dataRevision: string;
  parameters: RuleParameter[];
  wage: {
    month: string;
    value: number;
    from: string;
    to: string;
    provisional: boolean;
    citation: string;
  };
  wageTable: Array<{ from: string; to: string; value: number }>;
}

export interface NoticeVerification {
  code: string;
  status: 'valid' | 'superseded' | 'lapsed' | 'unknown';
  summary?: {
    holderName: string;
    holderIdNumber: string;
    district: string;
    total: number;
    rulesVersion: string;
    sequence: number;
    decidedAt: string;
  };
}
