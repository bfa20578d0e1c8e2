import { z } from 'zod';
import { isIsoDate } from '../shared/dates.js';
import { DISTRICTS } from '../shared/vocabulary.js';
import { STORED_CASE_STATES } from '../workflow/types.js';
import { decimalInt } from './query.js';

/**
 * The request parts of the API that are not a case command's input (those are in
 * caseCommands.ts, attached to their use case by src/cases/commands/caseCommand.ts): paths,
 * queries and the bodies of the searches and lists. Routes import them from here.
 */

const isoDate = z.string().refine(isIsoDate, { message: '应为真实存在的日期 YYYY-MM-DD' });
const id = z.string().min(1).max(100);

/** A district in a path (the 16 districts, as written on registrations). */
export const districtParams = z.strictObject({ district: z.enum(DISTRICTS) });
/** A unit and one of its holders in a path. */
export const unitHolderParams = z.strictObject({ id, holderId: id });
/** A printed code as typed or scanned: any case, spaces or dashes (normalised before lookup). */
export const noticeCodeParams = z.strictObject({ code: z.string().max(64) });

/** The planner's horizon and overridden assumptions (same as the CLI's --assume). */
export const planQuery = (maxHorizonMonths: number) =>
  z.strictObject({
    horizon: decimalInt(1, maxHorizonMonths).optional().describe('预测月数'),
    assume: z
      .union([z.string().max(200), z.array(z.string().max(200)).max(50)])
      .optional()
      .describe('覆盖测算假设，键=值，可重复（同命令行 --assume，如 title.intermediate.months=18）'),
  });
export const rulesQuery = z.strictObject({ at: isoDate.optional() });
export const workdaysAddQuery = z.strictObject({ date: isoDate, n: decimalInt(0, 2000) });
export const workdaysBetweenQuery = z.strictObject({ from: isoDate, to: isoDate });

/**
 * A queue's order: oldest submission first (the default), urgency notes first, or the working-day
 * deadline (the most urgent first, cases without a deadline last; issue 15 "sortable").
 */
const queueOrder = z.enum(['oldest', 'urgency', 'deadline']);

/** A district queue: one state (default 等待受理), its order, and a keyset page. */
export const queueQuery = z.strictObject({
  state: z.enum(STORED_CASE_STATES).optional(),
  orderBy: queueOrder.optional(),
  limit: decimalInt(1, 200).optional(),
  /** Keyset cursor of the next page: the `cursor` of the last row seen (its submission time or deadline, and id). */
  after: z
    .string()
    .regex(/^[\dT:.Z-]{10,30}~[\w.:-]{1,100}$/, { message: '应为上一页最后一行的翻页游标' })
    .optional(),
});

const page = {
  limit: decimalInt(1, 100).optional(),
  offset: decimalInt(0, 100_000).optional(),
};
/** A unit's cases: newest first (default) or the nearest working-day deadline first. */
export const unitCasesQuery = z.strictObject({ orderBy: z.enum(['newest', 'deadline']).optional() });
export const unitEmployeesQuery = z.strictObject({ q: z.string().trim().max(50).optional(), ...page });
export const districtUnitsQuery = z.strictObject({
  status: z.enum(['registered', 'verified', 'rejected']).optional(),
  ...page,
});

/** Finding a case by number, identity number, phone, credit code or name. */
export const caseSearchBody = z.strictObject({
  q: z
    .string()
    .trim()
    .min(1, { message: '请输入申请编号、身份证号、手机号、姓名、单位名称或信用代码' })
    .max(50),
  limit: z.number().int().min(1).max(100).default(20),
  offset: z.number().int().min(0).max(100_000).default(0),
});

export const messageCentreQuery = z.strictObject({
  limit: z.coerce.number().int().min(1).max(100).default(20),
  offset: z.coerce.number().int().min(0).max(100_000).default(0),
  unread: z.enum(['true', 'false']).optional(),
});
export const markMessagesBody = z.strictObject({ ids: z.array(id).min(1).max(500).optional() });
export const holderMessagesQuery = z.strictObject({
  limit: z.coerce.number().int().min(1).max(200).default(50),
});
export const notificationListQuery = z.strictObject({ limit: decimalInt(1, 500).optional() });

/** Which printed document of a case: its number or sequence (default: the latest). */
export const documentRefQuery = z.strictObject({
  ref: z
    .string()
    .regex(/^[\w.:-]{1,100}$/, { message: '应为文书编号或次序' })
    .optional(),
});

/** The file an export writes. */
export const exportFormat = z.enum(['xlsx', 'csv']).default('xlsx');
export const queueExportQuery = z.strictObject({
  format: exportFormat,
  state: z.enum(STORED_CASE_STATES).optional(),
  orderBy: queueOrder.optional(),
});
export const unitCasesExportQuery = z.strictObject({
  format: exportFormat,
  state: z.enum(STORED_CASE_STATES).optional(),
});

export const loginBody = z.strictObject({
  username: z.string().min(1).max(64),
  password: z.string().min(1).max(256),
});
export const tokenIdParams = z.strictObject({ id: z.string().min(1).max(64) });

/** The headers of every command: the same key with the same request has its effect once. */
export const idempotencyHeaders = z.object({
  'idempotency-key': z
    .string()
    .regex(/^[\w.:-]{8,128}$/)
    .describe('幂等键：8–128 位字母、数字或 _.:-；同一键、同一请求只生效一次（重试请用同一键）'),
});
/** A command on an existing case may also name the version the user saw. */
export const caseCommandHeaders = idempotencyHeaders.extend({
  'if-match': z
    .string()
    .regex(/^(?:\d{1,9}|"\d{1,9}")$/)
    .optional()
    .describe('申请的版本号（命令结果中的 version）；与现行版本不同则为 409 冲突'),
});
