import { z } from 'zod';

/** The public check of a 积分通知书 by its verification code (personal data masked). */
export const noticeVerificationSchema = z
  .object({
    code: z.string(),
    status: z.enum(['valid', 'superseded', 'lapsed', 'unknown']),
    summary: z
      .object({
        holderName: z.string(),
        holderIdNumber: z.string(),
        district: z.string(),
        total: z.number().int(),
        rulesVersion: z.string(),
        sequence: z.number().int(),
        decidedAt: z.string(),
      })
      .optional(),
  })
  .meta({ id: 'NoticeVerification', description: '积分通知书核验结果（已脱敏）' });

export type NoticeVerification = z.infer<typeof noticeVerificationSchema>;
