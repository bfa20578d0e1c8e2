import type { Education, KeyAreaId, Qualification } from '../profile/profileSchema.js';
import type { ParameterKey } from '../rules/rulesDataSchema.js';

export const RESULT_CONTRACT = 1;

export type IndicatorGroup = 'basic' | 'bonus' | 'deduction';

/** Indicator ids of rules.md §3–5, in the order results list them. */
export const INDICATOR_IDS = [
  'age',
  'education',
  'qualification',
  'insurance_years',
  'insurance_base',
  'startup_talent',
  'tech_transfer_talent',
  'shortage_major',
  'investment',
  'public_service',
  'key_area',
  'fresh_graduate',
  'award',
  'spouse_hukou',
  'false_material',
  'administrative_detention',
  'criminal_record',
] as const satisfies readonly ParameterKey[];

export type IndicatorId = (typeof INDICATOR_IDS)[number];
export type VetoId = 'serious_crime' | 'family_planning';

/** A parameter value as read for one item, with its effective dates and citation. */
export interface ParameterRead {
  key: string;
  label: string;
  value: unknown;
  from: string;
  to: string;
  citations: string[];
  note?: string;
  /** The value as a Chinese sentence with its units (rules/renderings.yaml). */
  text: string;
}

/** One input of the profile an item used, rendered in Chinese: its form label and its value. */
export interface FactText {
  label: string;
  text: string;
}

/**
 * The structured form of an item's hint (profile.md, "nextStep"): one action that, applied to the
 * profile, brings this item to `points`. Time-based kinds carry the date (the new `asOf`) on which
 * the points are reached. Proven by src/engine/nextStep.properties.test.ts.
 */
export type NextStep =
  /** Contribute `months` more months from the application month on (at `monthlyBase` or more, when given). */
  | {
      kind: 'contribute_months';
      months: number;
      monthlyBase?: number;
      minRatio?: number;
      wageFigure?: number;
      date: string;
      points: number;
    }
  /** Obtain a credential (education or qualification) as described by `add`. */
  | { kind: 'credential'; add: { education: Education } | { qualification: Qualification }; points: number }
  /** Keep working and living in an area / in public service, or stay married, until `date`. */
  | {
      kind: 'full_years';
      of: 'key_area' | 'public_service' | 'marriage';
      area?: KeyAreaId;
      months?: number;
      date: string;
      points: number;
    }
  /** A deduction record leaves its window on `date`. */
  | { kind: 'deduction_expires'; date: string; points: number };

export interface ResultItem {
  id: IndicatorId;
  group: IndicatorGroup;
  points: number;
  /** Chinese label of the indicator (e.g. 年龄). */
  label?: string;
  /** Chinese: the inputs used, the values read, the rule applied. */
  explanation?: string;
  citations?: string[];
  /** The facts of the profile this item used. */
  inputs?: Record<string, unknown>;
  /** The inputs this item used, in Chinese (form label and value). */
  facts?: FactText[];
  /** Every parameter read, with its effective dates and citation. */
  parameters?: ParameterRead[];
  /** For items below their maximum: what the next band needs (Chinese); null at the maximum. */
  next?: string | null;
  /** The same hint in structured form, or null when there is none. */
  nextStep?: NextStep | null;
}

export interface VetoDetail {
  id: VetoId;
  explanation: string;
  citations: string[];
}

export interface ScoreResult {
  contract: typeof RESULT_CONTRACT;
  rulesVersion: string;
  /** Content hash of the rules data the result was computed with. */
  dataRevision: string;
  asOf: string;
  standard: number;
  total: number;
  qualified: boolean;
  vetoed: boolean;
  vetoes: VetoId[];
  provisional: boolean;
  warnings: string[];
  items: ResultItem[];
  vetoDetails?: VetoDetail[];
}

export interface ScoreOptions {
  /** Full explanations (default true). `false` gives a lean result: id, group, points per item. */
  explain?: boolean;
  /**
   * Planner projections only: past the end of the last policy version, assume
   * its rules continue, mark the result provisional and say so (profile.md, Plan).
   * `score` itself refuses such a date.
   */
  assumeRulesContinue?: boolean;
}
