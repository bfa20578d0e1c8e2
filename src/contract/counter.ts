import { z } from 'zod';
import { caseStateSchema } from './cases.js';
import { pageOf } from './statistics.js';

/** 办理记录: every step of a case, who, when, what (from the audit log). */
export const caseHistorySchema = z
  .object({
    caseId: z.string(),
    applicationNo: z.string().nullable(),
    events: z.array(
      z.object({
        seq: z.number().int(),
        at: z.string(),
        role: z.string(),
        roleLabel: z.string(),
        who: z.string(),
        command: z.string(),
        what: z.string(),
        change: z.string().nullable(),
      }),
    ),
  })
  .meta({ id: 'CaseHistory', description: '办理记录' });

/** A case found by number, identity number, phone, credit code or name (personal data masked). */
export const caseSearchPageSchema = z
  .object({
    kind: z.string(),
    kindLabel: z.string(),
    total: z.number().int(),
    limit: z.number().int(),
    offset: z.number().int(),
    items: z.array(
      z.object({
        caseId: z.string(),
        applicationNo: z.string().nullable(),
        state: caseStateSchema,
        stateLabel: z.string(),
        district: z.string(),
        holderName: z.string(),
        holderIdNumberMasked: z.string(),
        unitName: z.string(),
        unitCreditCode: z.string(),
        submittedAt: z.string().nullable(),
        createdAt: z.string(),
      }),
    ),
  })
  .meta({ id: 'CaseSearchPage', description: '案件查找结果' });

/** The unit's message centre: progress notices and undelivered-SMS alerts, with the unread count. */
export const unitMessageCentreSchema = pageOf(
  z.object({
    id: z.string(),
    kind: z.enum(['notice', 'sms_undeliverable']),
    kindLabel: z.string(),
    caseId: z.string().nullable(),
    applicationNo: z.string().nullable(),
    text: z.string(),
    createdAt: z.string(),
    read: z.boolean(),
    readAt: z.string().nullable(),
  }),
).extend({ unread: z.number().int() });

export const markedMessagesSchema = z.object({ marked: z.number().int(), unread: z.number().int() });

/** The SMS sent to a holder and their delivery status. */
export const holderMessagesSchema = z.object({
  items: z.array(
    z.object({
      id: z.string(),
      caseId: z.string().nullable(),
      applicationNo: z.string().nullable(),
      text: z.string().nullable(),
      status: z.string(),
      statusLabel: z.string(),
      createdAt: z.string(),
      sentAt: z.string().nullable(),
      deliveredAt: z.string().nullable(),
    }),
  ),
});

/** The unit's inbox (notices; an undeliverable SMS becomes a unit message). */
export const unitInboxSchema = z.array(
  z.object({
    id: z.string(),
    kind: z.enum(['notice', 'sms_undeliverable']),
    caseId: z.string().nullable(),
    template: z.string(),
    text: z.string(),
    createdAt: z.string(),
  }),
);

/** The SMS to the unit's applicants, phone numbers masked. */
export const unitSmsSchema = z.array(
  z.object({
    id: z.string(),
    caseId: z.string().nullable(),
    templateId: z.string(),
    templateVersion: z.number().int(),
    status: z.string(),
    statusLabel: z.string(),
    attempts: z.number().int(),
    lastError: z.string().nullable(),
    createdAt: z.string(),
    sentAt: z.string().nullable(),
    deliveredAt: z.string().nullable(),
    deliveryReportedAt: z.string().nullable(),
    phoneMasked: z.string().nullable(),
    holderName: z.string(),
  }),
);

/** The SMS gateway's delivery reports, as accepted. */
export const deliveryReportResultSchema = z.object({
  results: z.array(
    z.object({ id: z.string().nullable(), outcome: z.enum(['unknown', 'applied', 'duplicate']) }),
  ),
});

export type CaseHistory = z.infer<typeof caseHistorySchema>;
export type CaseSearchPage = z.infer<typeof caseSearchPageSchema>;
export type UnitMessageCentre = z.infer<typeof unitMessageCentreSchema>;
export type HolderMessages = z.infer<typeof holderMessagesSchema>;

/** 查看完整证件号 (issue 15): the reason the officer gives, required and audited. */
export const identityRevealBody = z.strictObject({
  reason: z
    .string({ message: '请填写查看原因' })
    .trim()
    .min(2, { message: '请填写查看原因（至少两个字）' })
    .max(100, { message: '查看原因最多 100 个字' }),
});

/** The full ID number, shown once to the officer who asked (never cached, never logged). */
export const identityRevealSchema = z
  .object({
    caseId: z.string(),
    applicationNo: z.string().nullable(),
    holderName: z.string(),
    idNumber: z.string(),
    revealedAt: z.string(),
  })
  .meta({ id: 'IdentityReveal', description: '完整证件号（已留审计记录）' });

/** The case behind a 申请编号 typed or scanned at the counter. */
export const caseByNumberSchema = z
  .object({ caseId: z.string(), applicationNo: z.string() })
  .meta({ id: 'CaseByNumber', description: '按申请编号找到的申请' });
