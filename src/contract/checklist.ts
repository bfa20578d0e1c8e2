import { z } from 'zod';

export const checklistItemSchema = z.object({
  id: z.string(),
  name: z.string(),
  issuer: z.string(),
  form: z.enum(['original_and_copy', 'copy', 'original', 'online']),
  electronicAlternative: z.string().optional(),
  neededFor: z.array(z.string()),
  reason: z.string(),
  citations: z.array(z.string()),
  subjects: z.array(z.string()).optional(),
});

export const checklistResultSchema = z
  .object({
    asOf: z.string(),
    catalogueRevision: z.string(),
    items: z.array(checklistItemSchema),
    warnings: z.array(z.string()),
  })
  .meta({ id: 'ChecklistResult', description: '个性化申请材料清单' });

export type ChecklistItem = z.infer<typeof checklistItemSchema>;
export type ChecklistResult = z.infer<typeof checklistResultSchema>;
