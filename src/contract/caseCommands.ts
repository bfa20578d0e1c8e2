/**
 * The inputs of the case commands (issue 13): one named schema per command, the single source of
 * the use case that parses it (src/cases/commands/…, attached by caseUseCase), the route that
 * validates and documents it (src/http/routes/caseCommands.ts) and the web's types. A problem is
 * reported under `$.input.<field>`, in the Chinese wording written here.
 */
import { isValidCreditCode } from '../shared/creditCode.js';
import { DISTRICTS } from '../shared/vocabulary.js';
import { z } from '../shared/zodLocale.js';
import { URGENCY_REASONS } from '../workflow/types.js';
import { claimsSchema, declaredFactsSchema, disputedSchema, reconsiderationFactsSchema } from './claims.js';
import { isoDate, text } from './inputFields.js';

/** 细则 第十四条: a false-material finding (unit fine 30 000–50 000 CNY). */
export const falseMaterialInput = z.strictObject({
  party: z.enum(['individual', 'unit']),
  serious: z.boolean(),
  reason: text(500),
  fineCny: z.number().int().min(30_000).max(50_000).optional(),
});

// 创建积分账户并填报 (申办流程 第5步): the holder, and the draft's claims.
export const createDraftInput = z.strictObject({
  holderId: z.string().min(1).max(100),
  /** Optional client-chosen id (the demo uses readable ones); a UUID otherwise. */
  caseId: z
    .string()
    .regex(/^[A-Za-z0-9_-]{1,64}$/, { message: '只能包含字母、数字、- 和 _' })
    .optional(),
  claims: claimsSchema.default([]),
  declared: declaredFactsSchema.optional(),
});

// 修改申报指标: the whole list replaces the claims.
export const updateClaimsInput = z.strictObject({
  claims: claimsSchema,
  declared: declaredFactsSchema.optional(),
});

// 网上提交.
export const submitApplicationInput = z.strictObject({
  /** Replaces the draft's claims when given (the unit edited the form before submitting). */
  claims: claimsSchema.optional(),
  declared: declaredFactsSchema.optional(),
});

// 补齐材料后重新提交.
export const resubmitInput = z.strictObject({
  claims: claimsSchema.optional(),
  declared: declaredFactsSchema.optional(),
});

// 撤回.
export const withdrawApplicationInput = z.strictObject({ reason: z.string().trim().max(500).optional() });

// 受理: the checklist items received.
export const acceptApplicationInput = z.strictObject({
  received: z.array(z.string().trim().min(1).max(100)).min(1, { message: '须勾选收到的材料' }).max(200),
});

// 一次性告知: every missing or defective item; a later notice adding items needs a supervisor.
export const returnWithNoticeInput = z.strictObject({
  items: z
    .array(
      z.strictObject({ itemId: text(100), problem: z.enum(['missing', 'defective']), reason: text(300) }),
    )
    .min(1, { message: '告知单至少列明一项材料' })
    .max(100),
  override: z.strictObject({ supervisorId: text(100), reason: text(500) }).optional(),
});

// 加急说明: a reason from the fixed list and a date.
export const attachUrgencyNoteInput = z.strictObject({
  reason: z.enum(URGENCY_REASONS),
  date: isoDate,
  text: z.string().trim().max(300).optional(),
});

// 开始审核: the tasks follow from the claims.
export const startReviewInput = z.strictObject({});

// 分派审核人员.
export const assignTaskInput = z.strictObject({ taskId: text(100), assigneeId: text(100) });

// 审核结果 per task.
export const recordTaskResultInput = z.strictObject({
  taskId: text(100),
  result: z.enum(['passed', 'failed']),
  note: z.string().trim().max(500).optional(),
});

// 提请主管部门核实.
export const referItemInput = z.strictObject({ taskId: text(100), authority: text(100) });

// 登记核实结果.
export const settleReferralInput = z.strictObject({
  taskId: text(100),
  result: z.enum(['passed', 'failed']),
});

// 审核属实.
export const verifyApplicationInput = z.strictObject({});

// 不予通过: reasons with citations, and a false-material finding if there was one.
export const refuseApplicationInput = z.strictObject({
  reasons: z
    .array(z.strictObject({ code: text(100), text: text(500), citation: text(200) }))
    .min(1, { message: '须写明理由' })
    .max(20),
  falseMaterial: falseMaterialInput.optional(),
});

// 积分核定: the engine computes; nobody types a number.
export const determinePointsInput = z.strictObject({});

// 签注时确认: the new validity.
export const confirmAtEndorsementInput = z.strictObject({ newValidUntil: isoDate });

// 申请调整积分: new proofs.
export const requestAdjustmentInput = z.strictObject({
  reason: text(500),
  claims: claimsSchema.optional(),
  declared: declaredFactsSchema.optional(),
});

// 积分扣减.
export const applyDecreaseInput = z.strictObject({ reason: text(500) });

// 监督纠正: the indicators obtained with irregular materials.
export const correctPointsInput = z.strictObject({
  reason: text(500),
  irregularIndicators: z.array(text(100)).min(1, { message: '须列明使用违规材料的指标' }).max(20),
  falseMaterial: falseMaterialInput.optional(),
});

// 复核申请: grounds, the disputed items and facts added or corrected.
export const requestReconsiderationInput = z.strictObject({
  grounds: text(1000),
  disputed: disputedSchema.optional(),
  facts: reconsiderationFactsSchema.optional(),
});

// 核实复核补正事实: one fact, accepted or rejected, with a note.
export const reviewReconsiderationFactInput = z.strictObject({
  factId: text(200),
  result: z.enum(['accepted', 'rejected']),
  note: text(500),
});

// 复核决定.
export const decideReconsiderationInput = z.strictObject({
  outcome: z.enum(['upheld', 'changed']),
  reasons: text(2000),
  /** For a changed result: the review findings the decision overturns. */
  findings: z
    .array(z.strictObject({ indicator: text(100), result: z.enum(['passed', 'failed']) }))
    .max(20)
    .optional(),
});

// The sweep's commands (system): 签注过期, 居住证注销, 到期提醒.
export const expireCaseInput = z.strictObject({});
export const invalidateCaseInput = z.strictObject({ cancelledOn: isoDate });
export const remindCaseInput = z.strictObject({
  kind: z.enum([
    'acceptance_reminder',
    'acceptance_stale',
    'determination_overdue',
    'reconsideration_overdue',
    'permit_expiry_reminder',
  ]),
});

// 单位网上注册. A unit's id is the server's (a random UUID): a registrant cannot pick one.
export const registerUnitInput = z.strictObject({
  name: text(200),
  creditCode: z
    .string()
    .regex(/^[0-9A-HJ-NPQRTUWXY]{18}$/, {
      message: '统一社会信用代码应为18位数字或大写字母（不含I、O、S、V、Z）',
    })
    .refine(isValidCreditCode, { message: '统一社会信用代码校验位不正确（GB 32100-2015）' }),
  district: z.enum(DISTRICTS),
  kind: z.enum([
    'enterprise',
    'public_institution',
    'social_organization',
    'private_non_enterprise',
    'individual_business',
    'representative_office',
    'branch',
  ]),
});

// 受理点核验单位: verified, or rejected with a reason.
export const verifyUnitInput = z.discriminatedUnion('decision', [
  z.strictObject({ unitId: text(100), decision: z.literal('verified') }),
  z.strictObject({ unitId: text(100), decision: z.literal('rejected'), reason: text(500) }),
]);

/** 受理点核验 over HTTP: the unit is the path's (`POST /api/v1/units/:id/verify`), the decision the body. */
const [verifiedUnit, rejectedUnit] = verifyUnitInput.options;
export const verifyUnitBody = z.discriminatedUnion('decision', [
  verifiedUnit.omit({ unitId: true }),
  rejectedUnit.omit({ unitId: true }),
]);

/** What a client sends (defaults not yet applied): the web types its command bodies with these. */
export type FalseMaterialInput = z.input<typeof falseMaterialInput>;
export type CreateDraftInput = z.input<typeof createDraftInput>;
export type UpdateClaimsInput = z.input<typeof updateClaimsInput>;
export type SubmitApplicationInput = z.input<typeof submitApplicationInput>;
export type ResubmitInput = z.input<typeof resubmitInput>;
export type WithdrawApplicationInput = z.input<typeof withdrawApplicationInput>;
export type AcceptApplicationInput = z.input<typeof acceptApplicationInput>;
export type ReturnWithNoticeInput = z.input<typeof returnWithNoticeInput>;
export type AttachUrgencyNoteInput = z.input<typeof attachUrgencyNoteInput>;
export type AssignTaskInput = z.input<typeof assignTaskInput>;
export type RecordTaskResultInput = z.input<typeof recordTaskResultInput>;
export type ReferItemInput = z.input<typeof referItemInput>;
export type SettleReferralInput = z.input<typeof settleReferralInput>;
export type RefuseApplicationInput = z.input<typeof refuseApplicationInput>;
export type ConfirmAtEndorsementInput = z.input<typeof confirmAtEndorsementInput>;
export type RequestAdjustmentInput = z.input<typeof requestAdjustmentInput>;
export type ApplyDecreaseInput = z.input<typeof applyDecreaseInput>;
export type CorrectPointsInput = z.input<typeof correctPointsInput>;
export type RequestReconsiderationInput = z.input<typeof requestReconsiderationInput>;
export type ReviewReconsiderationFactInput = z.input<typeof reviewReconsiderationFactInput>;
export type DecideReconsiderationInput = z.input<typeof decideReconsiderationInput>;
export type RegisterUnitInput = z.input<typeof registerUnitInput>;
export type VerifyUnitBody = z.input<typeof verifyUnitBody>;
