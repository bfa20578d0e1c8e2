import rateLimit from '@fastify/rate-limit';
import type { FastifyInstance, FastifyRequest, onRequestHookHandler } from 'fastify';
import { JifenError } from '../shared/errors.js';

/**
 * Every per-address throttle of the server, in one table (issue 12: "this issue
 * owns every throttle"). Counted by @fastify/rate-limit in this process's
 * memory, per client address (`req.ip`: the socket's address, or the
 * X-Forwarded-For client when JIFEN_TRUST_PROXY is set). N servers behind a
 * balancer allow N times these figures (docs/operations.md); the per-account
 * lockout lives in the database and holds across servers (src/accounts/login.ts).
 */
export type ThrottleName = 'login' | 'registration' | 'noticeLookup' | 'rendering';

/** Requests per address per minute. */
export const DEFAULT_THROTTLES: Record<ThrottleName, number> = {
  /** Password guessing from one address (the account lockout stops guessing at one account). */
  login: 20,
  /** Anonymous unit registration: creates a unit and an account each time. */
  registration: 20,
  /** Notice codes are unguessable (80 bits); a throttle makes enumeration slower still. */
  noticeLookup: 30,
  /** Anonymous CPU-heavy work (a PDF, a plan): each costs tens to hundreds of milliseconds of a worker. */
  rendering: 30,
};

const MESSAGE: Record<ThrottleName, string> = {
  login: '登录尝试过于频繁，请稍后再试',
  registration: '请求过于频繁，请稍后再试',
  noticeLookup: '查询过于频繁，请稍后再试',
  rendering: '请求过于频繁，请稍后再试',
};

/** Which routes each throttle guards ("METHOD url" of the route table). Routes of one throttle share one count. */
export const THROTTLED_ROUTES: Record<string, ThrottleName> = {
  'POST /api/v1/auth/login': 'login',
  'POST /api/v1/units/register': 'registration',
  'GET /api/v1/notices/:code': 'noticeLookup',
  'GET /verify/:code': 'noticeLookup',
  'POST /api/v1/checklist.pdf': 'rendering',
  'POST /api/v1/plan': 'rendering',
};

/**
 * Registers the rate limiter and returns, for a route, its `onRequest` throttle hook (or
 * nothing). One limiter per throttle: the routes of a throttle share its count.
 */
export async function installThrottles(
  app: FastifyInstance,
  limits: Partial<Record<ThrottleName, number>> = {},
): Promise<(method: string, url: string) => { onRequest?: onRequestHookHandler; throttle?: ThrottleName }> {
  await app.register(rateLimit, {
    global: false,
    keyGenerator: (req: FastifyRequest) => req.ip,
    // Thrown into the error handler: the usual problem+json (429, code rate_limited, Chinese title).
    errorResponseBuilder: (req) =>
      new JifenError(
        'rate_limited',
        MESSAGE[(req.routeOptions.config as { throttle?: ThrottleName }).throttle ?? 'rendering'],
      ),
  });
  const hooks = new Map(
    (Object.keys(DEFAULT_THROTTLES) as ThrottleName[]).map((name) => [
      name,
      app.rateLimit({ max: limits[name] ?? DEFAULT_THROTTLES[name], timeWindow: 60_000 }),
    ]),
  );
  return (method, url) => {
    const name = THROTTLED_ROUTES[`${method} ${url}`];
    return name ? { onRequest: hooks.get(name)!, throttle: name } : {};
  };
}
