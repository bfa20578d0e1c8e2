import { z } from 'zod';
import { citationSchema } from '../rules/rulesDataSchema.js';
import { isIsoDate } from '../shared/dates.js';
import { MATERIAL_CONDITION_IDS } from './materialConditions.js';

/** The shape of `rules/catalogues/materials.yaml` (the file's header explains each key). */

export const MATERIAL_FORMS = ['original_and_copy', 'copy', 'original', 'online'] as const;
export type MaterialForm = (typeof MATERIAL_FORMS)[number];

const isoDate = z.string().refine(isIsoDate, { message: '应为有效日期 YYYY-MM-DD' });

export const materialSchema = z.strictObject({
  id: z.string().regex(/^[a-z][a-z0-9_]*$/, { message: 'id 应为小写字母、数字和下划线' }),
  name: z.string().min(1),
  issuer: z.string().min(1),
  form: z.enum(MATERIAL_FORMS),
  electronicAlternative: z.string().min(1).optional(),
  cite: z.array(citationSchema).min(1),
  requiredWhen: z
    .array(z.strictObject({ condition: z.enum(MATERIAL_CONDITION_IDS), reason: z.string().min(1) }))
    .min(1),
});

export const materialsCatalogueSchema = z.strictObject({
  catalogue: z.literal('materials'),
  label: z.string().min(1),
  from: isoDate,
  to: isoDate,
  cite: z.array(citationSchema).min(1),
  parameters: z.strictObject({ highSchoolChildMinAge: z.number().int().positive() }),
  materials: z.array(materialSchema).min(1),
});

export type MaterialsCatalogueFile = z.output<typeof materialsCatalogueSchema>;
export type MaterialEntry = z.output<typeof materialSchema>;
