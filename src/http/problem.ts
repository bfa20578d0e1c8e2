import type { ErrorCode, FieldIssue } from '../shared/errors.js';
import { isJifenError } from '../shared/errors.js';
import { classifyDbError } from '../storage/dialectSpecifics.js';

/** Seconds a client should wait before retrying a 503 (the database restarting or out of reach). */
export const RETRY_AFTER_SECONDS = 2;

/**
 * One problem+json shape (RFC 9457) for every error the API returns: a stable
 * `code`, a Chinese `title`, field paths for validation errors, and the request
 * id. Never a stack trace or an internal message.
 */
export interface Problem {
  type: string;
  title: string;
  status: number;
  code: string;
  detail?: string;
  errors?: FieldIssue[];
  reason?: string;
  /** The case a conflict is about (e.g. the holder's open case at another unit). */
  caseId?: string;
  requestId: string;
}

const STATUS: Record<ErrorCode, number> = {
  validation_failed: 400,
  not_json: 400,
  input_unreadable: 400,
  no_policy_version: 422,
  wage_figure_missing: 422,
  wage_figure_provisional: 409,
  calendar_year_missing: 422,
  rules_data_invalid: 500,
  not_found: 404,
  forbidden: 403,
  unauthenticated: 401,
  conflict: 409,
  invalid_transition: 409,
  rate_limited: 429,
  unavailable: 503,
  idempotency_mismatch: 422,
  import_rejected: 400,
  payload_too_large: 413,
  unsupported_media_type: 415,
};

/** Errors of the HTTP layer itself (fastify's own codes), in the same vocabulary. */
const FASTIFY: Record<string, { status: number; code: string; title: string }> = {
  FST_ERR_CTP_BODY_TOO_LARGE: { status: 413, code: 'body_too_large', title: '请求内容过大' },
  FST_ERR_CTP_INVALID_MEDIA_TYPE: {
    status: 415,
    code: 'unsupported_media_type',
    title: '不支持的内容类型，请使用 application/json',
  },
  FST_ERR_CTP_EMPTY_JSON_BODY: { status: 400, code: 'not_json', title: '请求体为空，应为 JSON' },
  FST_ERR_CTP_INVALID_CONTENT_LENGTH: { status: 400, code: 'bad_request', title: '请求长度与内容不符' },
  FST_ERR_NOT_FOUND: { status: 404, code: 'not_found', title: '接口不存在' },
  FST_ERR_BAD_URL: { status: 400, code: 'bad_url', title: '请求地址无效' },
  FST_ERR_MAX_PARAM_LENGTH: { status: 414, code: 'url_too_long', title: '请求地址过长' },
  FST_ERR_ASYNC_CONSTRAINT: { status: 400, code: 'bad_request', title: '请求有误' },
};

export function toProblem(error: unknown, requestId: string): Problem {
  if (isJifenError(error)) {
    const status = STATUS[error.code] ?? 400;
    return {
      type: `https://jifen.example/problems/${error.code}`,
      title: status >= 500 && status !== 503 ? '内部错误，请稍后重试' : error.message,
      status,
      code: status >= 500 && status !== 503 ? 'internal' : error.code,
      ...(error.issues.length && status < 500 ? { errors: error.issues } : {}),
      // Why access was refused (role, room, scope, csrf): lets a client tell "not yours" from "not your job".
      ...(error.code === 'forbidden' && typeof error.detail.reason === 'string'
        ? { reason: error.detail.reason }
        : {}),
      ...(error.code === 'conflict' && typeof error.detail.caseId === 'string'
        ? { caseId: error.detail.caseId }
        : {}),
      requestId,
    };
  }
  // The database is restarting or out of reach: retryable, and a retry with the same
  // Idempotency-Key applies a command at most once (it either committed or it did not).
  if (classifyDbError(error) === 'unavailable')
    return {
      type: 'https://jifen.example/problems/unavailable',
      title: '服务暂时不可用，请稍后重试',
      status: 503,
      code: 'unavailable',
      requestId,
    };
  // A unique key refused a second row (two registrations of one credit code racing): a conflict, not a fault.
  if (classifyDbError(error) === 'unique_violation')
    return {
      type: 'https://jifen.example/problems/conflict',
      title: '数据已存在，请勿重复提交',
      status: 409,
      code: 'conflict',
      requestId,
    };
  const e = error as { code?: string; statusCode?: number; validation?: unknown };
  const known = e?.code ? FASTIFY[e.code] : undefined;
  if (known)
    return {
      type: `https://jifen.example/problems/${known.code}`,
      title: known.title,
      status: known.status,
      code: known.code,
      requestId,
    };
  if (error instanceof SyntaxError || (e?.statusCode === 400 && e?.code?.startsWith('FST_ERR_CTP')))
    return {
      type: 'https://jifen.example/problems/not_json',
      title: '请求体不是有效的 JSON',
      status: 400,
      code: 'not_json',
      requestId,
    };
  if (e?.statusCode && e.statusCode >= 400 && e.statusCode < 500)
    return {
      type: 'https://jifen.example/problems/bad_request',
      title: '请求有误',
      status: e.statusCode,
      code: 'bad_request',
      requestId,
    };
  return {
    type: 'https://jifen.example/problems/internal',
    title: '内部错误，请稍后重试',
    status: 500,
    code: 'internal',
    requestId,
  };
}
