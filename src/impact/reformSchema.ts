import { isoDateSchema, isoMonthSchema } from '../profile/profileSchema.js';
import { parameterKeys, type ParameterKey } from '../rules/rulesDataSchema.js';
import { z } from '../shared/zodLocale.js';

/**
 * A reform file (YAML): dated parameter overrides from one date, like a patch of the rules
 * data. Parameter values may be partial (merged over the value in force); they are checked
 * against the same value schemas as `rules/` once merged (see reformPatch).
 */
export const reformSchema = z.strictObject({
  name: z.string().min(1).max(200),
  from: isoDateSchema,
  description: z.string().optional(),
  /** How results cite it, e.g. "沪府发〔2026〕1号 第三条" (default: "自 FROM 起施行"). */
  citation: z.string().min(1).optional(),
  parameters: z
    .strictObject(
      Object.fromEntries(parameterKeys.map((k) => [k, z.unknown().optional()])) as Record<
        ParameterKey,
        z.ZodOptional<z.ZodUnknown>
      >,
    )
    .optional(),
  wages: z
    .array(z.strictObject({ from: isoMonthSchema, to: isoMonthSchema, value: z.number().positive() }))
    .min(1)
    .optional(),
});

export type Reform = z.output<typeof reformSchema>;
