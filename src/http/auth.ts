import '@fastify/cookie';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { Kysely } from 'kysely';
import type { Actor } from '../accounts/Actor.js';
import { resolveApiToken } from '../accounts/apiTokens.js';
import { resolveSession } from '../accounts/login.js';
import { safeEqual } from '../accounts/secrets.js';
import { JifenError } from '../shared/errors.js';
import type { Database } from '../storage/schema.js';

export const SESSION_COOKIE = 'jifen_session';
export const CSRF_HEADER = 'x-csrf-token';
const UNSAFE = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);
/**
 * What a user whose password was set by someone else (HR, the administrator, a
 * reset) may do before changing it: see the session, log out, change the
 * password. Everything else answers 403 `reason: 'password_change'` (issue 12).
 */
const OPEN_BEFORE_PASSWORD_CHANGE = new Set([
  'GET /api/v1/auth/session',
  'POST /api/v1/auth/logout',
  'POST /api/v1/auth/password',
]);

/**
 * Deny by default: every non-public route declares its roles; the request's
 * actor comes from an API token (Authorization: Bearer) or a session cookie, and
 * a cookie session must echo its CSRF token on every state-changing request.
 */
export function installAuth(app: FastifyInstance, db: Kysely<Database>, clock: () => string): void {
  // preValidation: authorization is decided before the body is validated, so an anonymous caller
  // learns nothing about a route's input (401/403 come before 400).
  app.addHook('preValidation', async (req) => {
    const access = req.routeOptions.config?.access;
    if (!access || 'public' in access) return;
    const actor = await authenticate(req, db, clock());
    if (!actor) throw new JifenError('unauthenticated', '请先登录');
    if (
      actor.passwordChangeRequired &&
      !OPEN_BEFORE_PASSWORD_CHANGE.has(`${req.method} ${req.routeOptions.url}`)
    )
      throw new JifenError('forbidden', '初始密码或重置后的密码须先修改，才能继续使用', [], {
        reason: 'password_change',
      });
    if (!access.roles.includes(actor.role))
      throw new JifenError('forbidden', '当前角色无权进行此操作', [], { reason: 'role' });
    // Deny by default for tokens: a route that declares no scope refuses every token.
    if (actor.scopes !== 'all' && !(access.scope && actor.scopes.includes(access.scope)))
      throw new JifenError(
        'forbidden',
        access.scope ? '访问令牌缺少此接口所需的权限范围' : '此接口不接受访问令牌，请登录后操作',
        [],
        { reason: 'scope', ...(access.scope ? { scope: access.scope } : {}) },
      );
    req.actor = actor;
  });
}

async function authenticate(
  req: FastifyRequest,
  db: Kysely<Database>,
  now: string,
): Promise<Actor | undefined> {
  const auth = req.headers.authorization;
  if (auth?.startsWith('Bearer ')) {
    const t = await resolveApiToken(db, auth.slice(7).trim(), now);
    return t && { ...t.user, via: 'token', scopes: t.scopes };
  }
  const secret = req.cookies?.[SESSION_COOKIE];
  if (!secret) return undefined;
  const s = await resolveSession(db, secret, now);
  if (!s) return undefined;
  if (UNSAFE.has(req.method)) {
    const given = req.headers[CSRF_HEADER];
    if (typeof given !== 'string' || !safeEqual(given, s.csrfToken))
      throw new JifenError('forbidden', 'CSRF 校验失败，请刷新页面后重试', [], { reason: 'csrf' });
  }
  return { ...s.user, via: 'session', scopes: 'all' };
}
