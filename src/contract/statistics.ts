import { z } from 'zod';
import { caseListItemSchema } from './cases.js';

const count = z.number().int();
const median = z.number().nullable();

/** A district's dashboard (workflow.md statistics); the city's has one per district. */
export const districtStatisticsSchema = z
  .object({
    district: z.string(),
    asOf: z.string(),
    casesByState: z.record(z.string(), count),
    stateLabels: z.record(z.string(), z.string()),
    medianWorkdaysToAcceptance: median,
    medianWorkdaysToDetermination: median,
    determinationDeadlinesMet: z.number().nullable(),
    determinations: count,
    determinationsOnTime: count,
    oneTimeNotices: count,
    oneTimeNoticeRateByItem: z.record(z.string(), z.number()),
    staleAtCounter: count,
    determinationOverdue: count,
    reconsiderationOverdue: count,
    urgencyNotesOpen: count,
  })
  .meta({ id: 'DistrictStatistics', description: '区统计' });

export const cityStatisticsSchema = z
  .object({
    asOf: z.string(),
    /** The date range of case creation the figures cover, when one was asked (issue 15 drill-down). */
    from: z.string().optional(),
    to: z.string().optional(),
    stateLabels: z.record(z.string(), z.string()),
    districts: z.array(districtStatisticsSchema.extend({ filed: count })),
    city: z.object({
      casesByState: z.record(z.string(), count),
      filed: count,
      medianWorkdaysToAcceptance: median,
      medianWorkdaysToDetermination: median,
      determinations: count,
      determinationsOnTime: count,
      determinationDeadlinesMet: z.number().nullable(),
      oneTimeNotices: count,
      staleAtCounter: count,
      determinationOverdue: count,
      reconsiderationOverdue: count,
      urgencyNotesOpen: count,
    }),
    noticeReasons: z.array(
      z.object({
        code: z.string(),
        label: z.string(),
        count,
        rate: z.number(),
        byDistrict: z.record(z.string(), count),
      }),
    ),
  })
  .meta({ id: 'CityStatistics', description: '全市统计' });

/** An offset page of a list. */
export const pageOf = <T extends z.ZodType>(item: T) =>
  z.object({ total: count, limit: count, offset: count, items: z.array(item) });

export const cityCasePageSchema = pageOf(
  caseListItemSchema.extend({ submittedAt: z.string().nullable(), createdAt: z.string() }),
).extend({ stateLabels: z.record(z.string(), z.string()) });

export const penaltySchema = z.object({
  id: z.string(),
  subjectKind: z.string(),
  holderId: z.string().nullable(),
  holderName: z.string().nullable().optional(),
  unitId: z.string().nullable(),
  unitName: z.string().nullable(),
  caseId: z.string().nullable(),
  applicationNo: z.string().nullable().optional(),
  kind: z.string(),
  serious: z.boolean(),
  reason: z.string(),
  /** The legal basis of a penalty entered on its own (migration 0210). */
  legalBasis: z.string().nullable().optional(),
  amountFen: z.number().int().nullable(),
  effectiveFrom: z.string().nullable(),
  effectiveUntil: z.string().nullable(),
  status: z.string(),
  decidedBy: z.string(),
  decidedByName: z.string().nullable(),
  decidedAt: z.string(),
});
export const penaltyPageSchema = pageOf(penaltySchema);

export type DistrictStatistics = z.infer<typeof districtStatisticsSchema>;
export type CityStatistics = z.infer<typeof cityStatisticsSchema>;
export type CityCasePage = z.infer<typeof cityCasePageSchema>;
export type CityCaseItem = CityCasePage['items'][number];
export type Penalty = z.infer<typeof penaltySchema>;

/** Open work per district officer, and the tasks nobody has been assigned (issue 15, city). */
export const officerWorkloadSchema = z
  .object({
    districts: z.array(
      z.object({
        district: z.string(),
        unassignedTasks: count,
        unassignedCases: count,
        officers: z.array(
          z.object({
            id: z.string(),
            name: z.string(),
            role: z.string(),
            active: z.boolean(),
            openTasks: count,
            openCases: count,
          }),
        ),
      }),
    ),
  })
  .meta({ id: 'OfficerWorkload', description: '各区人员工作量' });
export type OfficerWorkload = z.infer<typeof officerWorkloadSchema>;

/** The answer to recording a penalty: the penalties written (a serious case writes a bar too). */
export const recordedPenaltySchema = z.object({
  penaltyIds: z.array(z.string()),
  kinds: z.array(z.string()),
  replayed: z.boolean(),
});
