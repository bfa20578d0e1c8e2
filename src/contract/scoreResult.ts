import { z } from 'zod';
import { educationSchema, keyAreaSchema, qualificationSchema } from '../profile/profileSchema.js';

/** A parameter value as read for one item, with its effective dates and citation. */
export const parameterReadSchema = z.object({
  key: z.string(),
  label: z.string(),
  value: z.unknown(),
  from: z.string(),
  to: z.string(),
  citations: z.array(z.string()),
  note: z.string().optional(),
  /** The value as a Chinese sentence with its units (rules/renderings.yaml). */
  text: z.string(),
});

/** One input of the profile an item used, in Chinese: its form label and its value (issue 14). */
export const factTextSchema = z.object({ label: z.string(), text: z.string() });

/** The structured form of an item's hint (profile.md "nextStep"). */
export const nextStepSchema = z.discriminatedUnion('kind', [
  z.object({
    kind: z.literal('contribute_months'),
    months: z.number().int(),
    monthlyBase: z.number().optional(),
    minRatio: z.number().optional(),
    wageFigure: z.number().optional(),
    date: z.string(),
    points: z.number().int(),
  }),
  z.object({
    kind: z.literal('credential'),
    add: z.union([
      z.object({ education: educationSchema }),
      z.object({ qualification: qualificationSchema }),
    ]),
    points: z.number().int(),
  }),
  z.object({
    kind: z.literal('full_years'),
    of: z.enum(['key_area', 'public_service', 'marriage']),
    area: keyAreaSchema.shape.area.optional(),
    months: z.number().int().optional(),
    date: z.string(),
    points: z.number().int(),
  }),
  z.object({ kind: z.literal('deduction_expires'), date: z.string(), points: z.number().int() }),
]);

export const resultItemSchema = z.object({
  id: z.string(),
  group: z.enum(['basic', 'bonus', 'deduction']),
  points: z.number().int(),
  label: z.string().optional(),
  explanation: z.string().optional(),
  citations: z.array(z.string()).optional(),
  /** The profile's facts the item used (machine-readable; never shown: `facts` are). */
  inputs: z.record(z.string(), z.unknown()).optional(),
  facts: z.array(factTextSchema).optional(),
  parameters: z.array(parameterReadSchema).optional(),
  next: z.string().nullable().optional(),
  nextStep: nextStepSchema.nullable().optional(),
});

export const vetoIdSchema = z.enum(['serious_crime', 'family_planning']);

export const scoreResultSchema = z
  .object({
    contract: z.literal(1),
    rulesVersion: z.string(),
    dataRevision: z.string(),
    asOf: z.string(),
    standard: z.number().int(),
    total: z.number().int(),
    qualified: z.boolean(),
    vetoed: z.boolean(),
    vetoes: z.array(vetoIdSchema),
    provisional: z.boolean(),
    warnings: z.array(z.string()),
    items: z.array(resultItemSchema),
    vetoDetails: z
      .array(z.object({ id: vetoIdSchema, explanation: z.string(), citations: z.array(z.string()) }))
      .optional(),
  })
  .meta({ id: 'ScoreResult', description: '积分结果（契约 v1）' });

export type ParameterRead = z.infer<typeof parameterReadSchema>;
export type FactText = z.infer<typeof factTextSchema>;
export type NextStep = z.infer<typeof nextStepSchema>;
export type ResultItem = z.infer<typeof resultItemSchema>;
export type ScoreResult = z.infer<typeof scoreResultSchema>;
