/**
 * The one way the UI talks to the API: same origin, the session cookie, the
 * CSRF token echoed on every state-changing request, an Idempotency-Key on
 * every command (a double click or a retry never files twice), and
 * problem+json errors turned into an ApiError the forms can show field by field.
 */

import type { Problem as ContractProblem } from './contract';

/** One field at fault, by its JSON path (src/contract/problem.ts). */
export type ProblemField = NonNullable<ContractProblem['errors']>[number];

/**
 * A refusal as the client reads it: the contract's problem+json, read defensively (an answer
 * that never reached the API — a proxy's error page, a lost connection — is turned into one with
 * only title, status and code), plus the `detail` and `reason` some refusals add.
 */
export type Problem = Pick<ContractProblem, 'title' | 'status' | 'code'> &
  Partial<ContractProblem> & { detail?: string; reason?: string };

export class ApiError extends Error {
  constructor(readonly problem: Problem) {
    super(problem.title);
  }
  get status(): number {
    return this.problem.status;
  }
  get fields(): ProblemField[] {
    return this.problem.errors ?? [];
  }
}

let csrfToken: string | undefined;
export const setCsrfToken = (token: string | undefined): void => {
  csrfToken = token;
};

export const newIdempotencyKey = (): string =>
  `ui-${Date.now().toString(36)}-${crypto.getRandomValues(new Uint32Array(2)).join('-')}`;

export interface RequestOptions {
  /** Query parameters; an array repeats its key (`?assume=a&assume=b`). */
  query?: Record<string, string | number | boolean | string[] | undefined>;
  /** Commands of the case core: a fresh key per user action, reused on retry. */
  idempotencyKey?: string;
  ifMatch?: number;
  signal?: AbortSignal;
}

export async function api<T>(
  method: string,
  path: string,
  body?: unknown,
  opts: RequestOptions = {},
): Promise<T> {
  const url = new URL(path, window.location.origin);
  for (const [k, v] of Object.entries(opts.query ?? {}))
    if (Array.isArray(v)) for (const item of v) url.searchParams.append(k, item);
    else if (v !== undefined) url.searchParams.set(k, String(v));
  const headers: Record<string, string> = { accept: 'application/json' };
  if (body !== undefined) headers['content-type'] = 'application/json';
  if (method !== 'GET' && csrfToken) headers['x-csrf-token'] = csrfToken;
  if (opts.idempotencyKey) headers['idempotency-key'] = opts.idempotencyKey;
  if (opts.ifMatch !== undefined) headers['if-match'] = String(opts.ifMatch);
  let res: Response;
  try {
    res = await fetch(url, {
      method,
      headers,
      credentials: 'same-origin',
      body: body === undefined ? undefined : JSON.stringify(body),
      signal: opts.signal,
    });
  } catch (error) {
    if ((error as Error).name === 'AbortError') throw error;
    throw new ApiError({ title: '无法连接服务器，请检查网络后重试', status: 0, code: 'network' });
  }
  return answerOf<T>(res, '请求失败');
}

/** A command of the case core (POST with an Idempotency-Key). */
export const command = <T>(path: string, body: unknown, opts: Omit<RequestOptions, 'idempotencyKey'> = {}) =>
  api<T>('POST', path, body, { ...opts, idempotencyKey: newIdempotencyKey() });

/**
 * Uploads one file as the request body (evidence of a reconsideration): the
 * server recognises the type from the bytes, so the type is sent as plain bytes.
 */
export async function uploadFile<T>(path: string, file: Blob, query: Record<string, string>): Promise<T> {
  const url = new URL(path, window.location.origin);
  for (const [k, v] of Object.entries(query)) url.searchParams.set(k, v);
  const headers: Record<string, string> = { 'content-type': 'application/octet-stream' };
  if (csrfToken) headers['x-csrf-token'] = csrfToken;
  let res: Response;
  try {
    res = await fetch(url, { method: 'POST', headers, credentials: 'same-origin', body: file });
  } catch {
    throw new ApiError({ title: '无法连接服务器，请检查网络后重试', status: 0, code: 'network' });
  }
  return answerOf<T>(res, '上传失败');
}

/** The JSON answer, or the server's problem as an ApiError (`failed` names it when the body says nothing). */
async function answerOf<T>(res: Response, failed: string): Promise<T> {
  const text = await res.text();
  let json: unknown;
  try {
    json = text ? JSON.parse(text) : undefined;
  } catch {
    json = undefined;
  }
  if (!res.ok) {
    const p = (json ?? {}) as Partial<Problem>;
    throw new ApiError({
      ...p,
      title: p.title ?? `${failed}（${res.status}）`,
      status: res.status,
      code: p.code ?? 'http_error',
    });
  }
  return json as T;
}
