import { z } from 'zod';
import { CASE_STATES } from '../workflow/types.js';

/**
 * The case API's read models (src/cases/queries.ts, workspaceQueries.ts): what unit, holder and
 * officers see. Personal data arrive masked. Keys only grow (additive changes).
 */
export const caseStateSchema = z.enum(CASE_STATES);

export const heldBySchema = z.object({
  /** The role that must act next; `authority` while an item is referred; null when nobody must act. */
  party: z.string().nullable(),
  label: z.string(),
  authorities: z.array(z.string()),
});

export const dueSchema = z.object({ kind: z.string(), date: z.string(), workdaysLeft: z.number().int() });

export const urgencySchema = z.object({ reason: z.string(), date: z.string(), text: z.string().optional() });

export const caseSummarySchema = z
  .object({
    caseId: z.string(),
    version: z.number().int(),
    state: caseStateSchema,
    stateLabel: z.string(),
    reconsideration: z.string().nullable(),
    heldBy: heldBySchema,
    due: dueSchema.nullable(),
    waitingWorkdays: z.number().int().nullable(),
    /** Long at the counter: an internal management signal for the district, not a deadline. */
    staleAtCounter: z.boolean(),
    district: z.string(),
    unitId: z.string(),
    holderId: z.string(),
    urgency: urgencySchema.nullable(),
    points: z.number().int().nullable(),
    submittedAt: z.string().nullable().optional(),
  })
  .meta({ id: 'CaseSummary', description: '申请概况' });

export const materialSchema = z.object({
  id: z.string(),
  code: z.string(),
  label: z.string(),
  indicator: z.string().nullable(),
  required: z.boolean(),
  status: z.enum(['required', 'received', 'defective']),
  defectReason: z.string().nullable(),
});

export const noticeItemSchema = z.object({ code: z.string(), label: z.string(), reason: z.string() });

export const reviewTaskSchema = z.object({
  id: z.string(),
  indicator: z.string(),
  status: z.enum(['open', 'passed', 'failed', 'referred', 'settled']),
  referredTo: z.string().nullable(),
  referredAt: z.string().nullable(),
  returnedAt: z.string().nullable(),
  outcomeNote: z.string().nullable(),
  /** The reviewer the task is assigned to (issue 15, 分派). */
  assignedTo: z.string().nullable().optional(),
});

export const reconsiderationSchema = z.object({
  id: z.string(),
  level: z.enum(['district', 'city']),
  status: z.enum(['requested', 'decided', 'withdrawn']),
  requestedAt: z.string(),
  grounds: z.string(),
  dueDate: z.string().nullable(),
  decidedAt: z.string().nullable(),
  outcome: z.enum(['upheld', 'changed']).nullable(),
  decisionDocument: z.unknown(),
});

export const determinationEntrySchema = z.object({
  id: z.string(),
  sequence: z.number().int(),
  total: z.number().int(),
  reason: z.string(),
  rulesVersion: z.string(),
  acceptanceDate: z.string(),
  verificationCode: z.string(),
  decidedAt: z.string(),
  supersedes: z.string().nullable(),
});

export const maskedHolderSchema = z.object({
  id: z.string(),
  name: z.string(),
  idNumberMasked: z.string(),
  phoneMasked: z.string().nullable(),
});

/** One refusal reason as the case view's `refusals[].reasons` carry them. */
export const refusalReasonSchema = z.object({ code: z.string(), text: z.string(), citation: z.string() });

export const caseViewSchema = caseSummarySchema
  .extend({
    applicationNo: z.string().nullable(),
    deadlines: z.record(z.string(), z.string()),
    pause: z.object({ since: z.string().nullable(), pausedWorkdays: z.number().int() }),
    holder: maskedHolderSchema.nullable().optional(),
    unit: z.object({ id: z.string(), name: z.string(), district: z.string() }).nullable().optional(),
    materials: z.array(materialSchema),
    receipts: z.array(
      z.object({
        id: z.string(),
        receiptNo: z.string(),
        items: z.array(z.object({ code: z.string(), label: z.string() })),
        issuedAt: z.string(),
      }),
    ),
    notices: z.array(
      z.object({
        id: z.string(),
        sequence: z.number().int(),
        items: z.array(noticeItemSchema),
        issuedAt: z.string(),
        overrideReason: z.string().nullable(),
      }),
    ),
    reviewTasks: z.array(reviewTaskSchema),
    determinations: z.array(determinationEntrySchema),
    reconsiderations: z.array(reconsiderationSchema),
    refusals: z.array(
      z.object({
        id: z.string(),
        reasons: z.array(refusalReasonSchema),
        decidedAt: z.string(),
      }),
    ),
    reminders: z.array(
      z.object({ id: z.string(), kind: z.string(), dueOn: z.string(), createdAt: z.string() }),
    ),
    messages: z.array(
      z.object({
        id: z.string(),
        channel: z.string(),
        templateId: z.string(),
        status: z.string(),
        attempts: z.number().int(),
        createdAt: z.string(),
        sentAt: z.string().nullable(),
      }),
    ),
  })
  .meta({ id: 'CaseView', description: '申请详情（个人信息已脱敏）' });

export const explainedItemSchema = z.object({
  id: z.string(),
  label: z.string(),
  group: z.string(),
  points: z.number().int(),
  explanation: z.string(),
  citations: z.array(z.string()),
  next: z.string().nullable().optional(),
});

export const registrySchema = z.object({
  holder: maskedHolderSchema.extend({ birthDate: z.string() }),
  permit: z
    .object({
      permitNo: z.string(),
      issuedOn: z.string(),
      validUntil: z.string(),
      endorsedUntil: z.string(),
      status: z.string(),
      cancelledOn: z.string().nullable(),
    })
    .nullable(),
  insurance: z.object({
    months: z.number().int(),
    backPaidMonths: z.number().int(),
    firstMonth: z.string().nullable(),
    lastMonth: z.string().nullable(),
    lastBaseCny: z.number().nullable(),
    lastUnitCreditCode: z.string().nullable(),
  }),
  tax: z.array(z.object({ month: z.string(), incomeCny: z.number(), taxCny: z.number() })),
  education: z.array(
    z.object({
      certificateNo: z.string(),
      level: z.string(),
      degree: z.boolean(),
      fullTime: z.boolean(),
      foreign: z.boolean(),
      result: z.string(),
      verifiedOn: z.string(),
      majorName: z.string().nullable(),
    }),
  ),
  household: z.array(z.object({ recordType: z.string(), eventDate: z.string() })),
});

/** An employee's shared registry data, for pre-filling the application form. */
export const employeeRegistrySchema = registrySchema
  .extend({
    accountOpensOn: z.string().nullable(),
    mayOpenAccount: z.boolean(),
    unit: z.object({ id: z.string(), name: z.string(), creditCode: z.string(), district: z.string() }),
  })
  .meta({ id: 'EmployeeRegistry', description: '员工的共享登记数据' });

export const workspaceSchema = z
  .object({
    caseId: z.string(),
    state: caseStateSchema,
    claims: z.array(z.object({ indicator: z.string(), detail: z.record(z.string(), z.unknown()) })),
    registry: registrySchema.nullable(),
    determinations: z.array(
      z.object({
        sequence: z.number().int(),
        reason: z.string(),
        total: z.number().int(),
        standard: z.number().int(),
        rulesVersion: z.string(),
        acceptanceDate: z.string(),
        verificationCode: z.string(),
        decidedAt: z.string(),
        items: z.array(explainedItemSchema),
      }),
    ),
    precheck: z
      .object({ eligible: z.boolean(), reasons: z.array(z.string()), simulatedTotal: z.number().int() })
      .nullable(),
    checklist: z.array(z.object({ id: z.string(), name: z.string() })),
    engine: z
      .object({
        total: z.number().int(),
        standard: z.number().int(),
        rulesVersion: z.string(),
        asOf: z.string(),
        provisional: z.boolean(),
        vetoed: z.boolean(),
        warnings: z.array(z.string()),
        items: z.array(explainedItemSchema),
      })
      .nullable(),
  })
  .meta({ id: 'CaseWorkspace', description: '办理页数据' });

export const commandResultSchema = z
  .object({
    caseId: z.string(),
    /** The case's version after the command (send it back in If-Match). */
    version: z.number().int(),
    state: caseStateSchema,
    /** True when an earlier identical request (same Idempotency-Key) was replayed. */
    replayed: z.boolean(),
    documents: z.object({
      receiptNo: z.string().optional(),
      noticeSeq: z.number().int().optional(),
      determination: z
        .object({
          id: z.string(),
          sequence: z.number().int(),
          total: z.number().int(),
          verificationCode: z.string(),
          rulesVersion: z.string(),
        })
        .optional(),
      reconsiderationId: z.string().optional(),
      reminders: z.array(z.string()).optional(),
      messageIds: z.array(z.string()).optional(),
    }),
    warnings: z.array(z.string()),
  })
  .meta({ id: 'CommandResult', description: '命令结果：新的版本号与状态' });

/** The answer to creating a points account: the command's result and the new application number. */
export const createdCaseSchema = commandResultSchema.extend({ applicationNo: z.string().optional() });

/** What a person reads in a list beside the summary: the application number and the names. */
export const caseListItemSchema = caseSummarySchema
  .extend({
    applicationNo: z.string().nullable(),
    holderName: z.string().nullable(),
    unitName: z.string().nullable(),
    /** The queue's keyset cursor: pass it as `after` for the page that follows this row (same order). */
    cursor: z.string().optional(),
  })
  .meta({ id: 'CaseListItem', description: '列表中的一件申请' });

/** A holder's own case with every determination (the one in force marked). */
export const holderCaseSchema = caseListItemSchema.extend({
  determinations: z.array(
    z.object({
      sequence: z.number().int(),
      total: z.number().int(),
      reason: z.string(),
      rulesVersion: z.string(),
      verificationCode: z.string(),
      decidedAt: z.string(),
      inForce: z.boolean(),
    }),
  ),
});

export type CaseStateName = z.infer<typeof caseStateSchema>;
export type HeldBy = z.infer<typeof heldBySchema>;
export type Due = z.infer<typeof dueSchema>;
export type CaseSummary = z.infer<typeof caseSummarySchema>;
export type Material = z.infer<typeof materialSchema>;
export type NoticeItem = z.infer<typeof noticeItemSchema>;
export type ReviewTask = z.infer<typeof reviewTaskSchema>;
export type Reconsideration = z.infer<typeof reconsiderationSchema>;
export type RefusalReason = z.infer<typeof refusalReasonSchema>;
export type CaseView = z.infer<typeof caseViewSchema>;
export type ExplainedItem = z.infer<typeof explainedItemSchema>;
export type Registry = z.infer<typeof registrySchema>;
export type Workspace = z.infer<typeof workspaceSchema>;
export type CaseListItem = z.infer<typeof caseListItemSchema>;
export type HolderCase = z.infer<typeof holderCaseSchema>;
export type CommandResult = z.infer<typeof commandResultSchema>;
