export { DISTRICTS } from '../../vocabulary';
/** Shapes of the city supervision API (src/city/cityQueries.ts). */
export interface DistrictStats {
  district: string;
  asOf: string;
  casesByState: Record<string, number>;
  medianWorkdaysToAcceptance: number | null;
  medianWorkdaysToDetermination: number | null;
  determinationDeadlinesMet: number | null;
  determinations: number;
  oneTimeNotices: number;
  oneTimeNoticeRateByItem: Record<string, number>;
  staleAtCounter: number;
  determinationOverdue: number;
  reconsiderationOverdue: number;
  urgencyNotesOpen: number;
  filed: number;
}

export interface CityStatistics {
  asOf: string;
  stateLabels: Record<string, string>;
  districts: DistrictStats[];
  city: {
    casesByState: Record<string, number>;
    filed: number;
    medianWorkdaysToAcceptance: number | null;
    medianWorkdaysToDetermination: number | null;
    determinations: number;
    determinationsOnTime: number;
    determinationDeadlinesMet: number | null;
    oneTimeNotices: number;
    staleAtCounter: number;
    determinationOverdue: number;
    reconsiderationOverdue: number;
    urgencyNotesOpen: number;
  };
  noticeReasons: {
    code: string;
    label: string;
    count: number;
    rate: number;
    byDistrict: Record<string, number>;
  }[];
}

export interface CaseSummary {
  caseId: string;
  version: number;
  state: string;
  stateLabel: string;
  reconsideration: string | null;
  heldBy: { label: string };
  due: { kind: string; date: string; workdaysLeft: number } | null;
  waitingWorkdays: number | null;
  district: string;
  unitId: string;
  holderId: string;
  urgency: unknown;
  points: number | null;
  submittedAt: string | null;
  createdAt: string;
}

export interface Page<T> {
  total: number;
  limit: number;
  offset: number;
  items: T[];
}

/** The order of the case machine (workflow.md), for charts and filters. */
export const STATE_ORDER = [
  'draft',
  'submitted',
  'supplement_required',
  'accepted',
  'under_review',
  'verified',
  'determined',
  'refused',
  'withdrawn',
  'expired',
  'invalidated',
] as const;
