import { z } from 'zod';

export const userListSchema = z.object({
  total: z.number().int(),
  limit: z.number().int(),
  offset: z.number().int(),
  items: z.array(
    z.object({
      id: z.string(),
      username: z.string(),
      displayName: z.string(),
      role: z.string(),
      district: z.string().nullable(),
      unitId: z.string().nullable(),
      active: z.boolean(),
      createdAt: z.string(),
      lastLoginAt: z.string().nullable(),
    }),
  ),
});

export const userActiveResultSchema = z.object({
  id: z.string(),
  username: z.string(),
  active: z.boolean(),
  sessionsEnded: z.number().int(),
  tokensRevoked: z.number().int(),
});

/** One administrator's load of policy data, as recorded (the payload itself is not repeated). */
export const policyRevisionSchema = z.object({
  id: z.string(),
  kind: z.enum(['wage_figure', 'calendar_year', 'materials_catalogue']),
  subject: z.string(),
  citation: z.string(),
  contentHash: z.string(),
  loadedBy: z.string(),
  loadedAt: z.string(),
});

const wage = z.object({ from: z.string(), to: z.string(), value: z.number() });

/** The policy data in force: recent wage figures, calendar years, the catalogue, the loads. */
export const policyDataOverviewSchema = z.object({
  dataRevision: z.string(),
  wages: z.array(z.looseObject({ from: z.string(), to: z.string(), value: z.number() })),
  calendarYears: z.array(z.number().int()),
  catalogue: z.object({
    label: z.string(),
    from: z.string(),
    to: z.string(),
    materials: z.number().int(),
    revision: z.string(),
  }),
  revisions: z.array(policyRevisionSchema.extend({ loadedByName: z.string() })),
});

/**
 * What a load would change (nothing is changed): its kind and the figures an administrator checks
 * before loading. Each kind carries more detail (examples, diffs, deadlines); the listed keys are
 * the ones common to the contract, the rest are described by `kind`.
 */
export const wagePreviewSchema = z.looseObject({
  kind: z.literal('wage_figure'),
  change: z.enum(['replaced', 'appended', 'unchanged']),
  figure: wage,
  before: wage.nullable(),
  citation: z.string(),
  asOf: z.string(),
  examples: z.array(
    z.looseObject({ caseId: z.string(), holderId: z.string(), error: z.string().optional() }),
  ),
});
export const calendarPreviewSchema = z.looseObject({
  kind: z.literal('calendar_year'),
  year: z.number().int(),
  replaced: z.boolean(),
  holidays: z.number().int(),
  makeupWorkdays: z.number().int(),
  workdays: z.number().int(),
  months: z.array(z.object({ month: z.string(), workdays: z.number().int() })),
  warnings: z.array(z.string()),
});
export const cataloguePreviewSchema = z.looseObject({
  kind: z.literal('materials_catalogue'),
  label: z.string(),
  from: z.string(),
  to: z.string(),
  materials: z.number().int(),
  added: z.array(z.object({ id: z.string(), name: z.string() })),
  removed: z.array(z.object({ id: z.string(), name: z.string() })),
  changed: z.array(z.object({ id: z.string(), name: z.string(), fields: z.array(z.string()) })),
});

/** A load done: its preview, the revision recorded and the new data revision. */
export const policyLoadSchema = <P extends z.ZodType>(preview: P) =>
  z.object({
    preview,
    revision: policyRevisionSchema.extend({ payload: z.unknown() }),
    skipped: z.array(z.object({ id: z.string(), reason: z.string() })).readonly(),
    dataRevision: z.string(),
  });

export type UserList = z.infer<typeof userListSchema>;
export type PolicyDataOverview = z.infer<typeof policyDataOverviewSchema>;
