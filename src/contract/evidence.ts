/**
 * Reconsideration evidence and facts (issue 15): the answers of the evidence routes, declared
 * once here for the API, the OpenAPI document, the use cases and the web.
 */
import { z } from 'zod';

/** One evidence file of a reconsideration (its bytes are downloaded separately, as an attachment). */
export const evidenceFileSchema = z.strictObject({
  id: z.string(),
  reconsiderationId: z.string(),
  fileName: z.string(),
  contentType: z.enum(['application/pdf', 'image/jpeg', 'image/png']),
  size: z.number().int(),
  sha256: z.string(),
  createdAt: z.string(),
});
export type EvidenceFile = z.output<typeof evidenceFileSchema>;

/** A fact added or corrected in a reconsideration, and the reviewer's finding on it. */
export const reconsiderationFactSchema = z.strictObject({
  id: z.string(),
  reconsiderationId: z.string(),
  indicator: z.string(),
  detail: z.record(z.string(), z.unknown()),
  statement: z.string(),
  status: z.enum(['open', 'accepted', 'rejected']),
  reviewedAt: z.string().nullable(),
  reviewNote: z.string().nullable(),
});
export type ReconsiderationFact = z.output<typeof reconsiderationFactSchema>;

/** One side of a redetermination preview: the total and the points of each item. */
export const redeterminationSideSchema = z.strictObject({
  total: z.number(),
  items: z.array(z.strictObject({ id: z.string(), label: z.string(), points: z.number() })),
});
export type RedeterminationSide = z.output<typeof redeterminationSideSchema>;
export const redeterminationPreviewSchema = z.strictObject({
  before: redeterminationSideSchema,
  after: redeterminationSideSchema,
});

/** 复核待处理: one pending reconsideration request of a district, with its deadline. */
export const pendingReconsiderationSchema = z.strictObject({
  caseId: z.string(),
  applicationNo: z.string().nullable(),
  holderName: z.string(),
  unitName: z.string(),
  requestedAt: z.string(),
  /** The stored deadline (20 working days, workflow/deadlines.ts reconsiderationDue). */
  dueDate: z.string().nullable(),
  /** Working days until the deadline (0 on or after it). */
  workdaysLeft: z.number().int(),
  /** Working days past the deadline (0 until it has passed). */
  overdueWorkdays: z.number().int(),
  /** Facts added in the request still waiting for the reviewer. */
  openFacts: z.number().int(),
  evidenceFiles: z.number().int(),
});
export type PendingReconsideration = z.output<typeof pendingReconsiderationSchema>;
