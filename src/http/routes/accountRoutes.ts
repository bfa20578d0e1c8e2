import type { Kysely } from 'kysely';
import { z } from 'zod';
import { issueApiToken, revokeApiToken, scopeSchema } from '../../accounts/apiTokens.js';
import { changePassword, passwordChangeBody } from '../../accounts/changePassword.js';
import { login, logout, logoutEverywhere, resolveSession } from '../../accounts/login.js';
import { containsUsername, newPasswordSchema, passwordProblem } from '../../accounts/passwordPolicy.js';
import { hashPassword } from '../../accounts/passwords.js';
import { insertUser } from '../../storage/index.js';
import { DISTRICT_ROLES, DISTRICTS, ROLES as ALL_ROLES } from '../../shared/vocabulary.js';
import type { Database } from '../../storage/schema.js';
import { SESSION_COOKIE } from '../auth.js';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { route, type RouteSpec } from '../routeSpec.js';
import {
  issuedTokenSchema,
  loginResultSchema,
  logoutAllSchema,
  passwordChangedSchema,
  publicUserSchema,
  sessionSchema,
} from '../../contract/accounts.js';
import { okSchema } from '../../contract/problem.js';
import { loginBody, tokenIdParams } from '../../contract/requests.js';

export interface AccountRouteDeps {
  db: Kysely<Database>;
  clock: () => string;
  cookieSecure: 'true' | 'false' | 'auto';
}

const publicUser = (u: {
  id: string;
  username: string;
  displayName: string;
  role: string;
  district: string | null;
  unitId: string | null;
  holderId: string | null;
  passwordChangeRequired?: boolean;
}) => ({
  id: u.id,
  username: u.username,
  displayName: u.displayName,
  role: u.role,
  district: u.district,
  unitId: u.unitId,
  holderId: u.holderId,
  /** The password was set by someone else: the web UI sends the user to the change page first. */
  passwordChangeRequired: u.passwordChangeRequired ?? false,
});

/** Login, logout, logout everywhere, the current session; admin: officers' accounts and integration tokens. */
export function accountRoutes(deps: AccountRouteDeps): RouteSpec[] {
  const { db, clock } = deps;
  const setSessionCookie = (req: FastifyRequest, reply: FastifyReply, secret: string, expiresAt: string) => {
    const secure = deps.cookieSecure === 'auto' ? req.protocol === 'https' : deps.cookieSecure === 'true';
    // A new cookie replaces whatever the client sent: a planted session id is never adopted.
    reply.setCookie(SESSION_COOKIE, secret, {
      httpOnly: true,
      sameSite: 'strict',
      secure,
      path: '/',
      // Relative lifetime: the browser's clock need not agree with the server's (a demo or test clock).
      maxAge: Math.max(0, Math.floor((Date.parse(expiresAt) - Date.parse(clock())) / 1000)),
    });
  };
  return [
    route({
      method: 'POST',
      url: '/api/v1/auth/login',
      summary: '登录（成功后设置会话 Cookie，并返回 CSRF 令牌）',
      tags: ['账号'],
      access: { public: true },
      schema: {
        body: loginBody,
        response: { 200: loginResultSchema },
      },
      handler: async (req, reply) => {
        const s = await login(db, { ...req.body, now: clock() });
        setSessionCookie(req, reply, s.sessionSecret, s.expiresAt);
        return { user: publicUser(s.user), csrfToken: s.csrfToken, expiresAt: s.expiresAt };
      },
    }),
    route({
      method: 'GET',
      url: '/api/v1/auth/session',
      summary: '当前登录用户与 CSRF 令牌',
      tags: ['账号'],
      access: { roles: ALL_ROLES, room: 'self' },
      schema: { response: { 200: sessionSchema } },
      handler: async (req) => {
        const secret = req.cookies?.[SESSION_COOKIE];
        const s = secret ? await resolveSession(db, secret, clock()) : undefined;
        return {
          user: publicUser(req.actor!),
          via: req.actor!.via,
          ...(s ? { csrfToken: s.csrfToken, expiresAt: s.expiresAt } : {}),
        };
      },
    }),
    route({
      method: 'POST',
      url: '/api/v1/auth/logout',
      summary: '退出登录（本会话）',
      tags: ['账号'],
      access: { roles: ALL_ROLES, room: 'self' },
      schema: { response: { 200: okSchema } },
      handler: async (req, reply) => {
        const secret = req.cookies?.[SESSION_COOKIE];
        if (secret) await logout(db, secret);
        reply.clearCookie(SESSION_COOKIE, { path: '/' });
        return { ok: true };
      },
    }),
    route({
      method: 'POST',
      url: '/api/v1/auth/logout-all',
      summary: '退出所有设备上的登录（结束全部会话；系统对接的访问令牌不受影响，须由管理员撤销）',
      tags: ['账号'],
      access: { roles: ALL_ROLES, room: 'self' },
      schema: { response: { 200: logoutAllSchema } },
      handler: async (req, reply) => {
        const n = await logoutEverywhere(db, req.actor!.id);
        reply.clearCookie(SESSION_COOKIE, { path: '/' });
        // API tokens belong to systems, not to a browser: they survive (the administrator revokes them,
        // and disabling the account revokes them all). The answer says so (issue 12).
        return { ok: true, sessionsEnded: n, apiTokensRevoked: false };
      },
    }),
    route({
      method: 'POST',
      url: '/api/v1/auth/password',
      summary:
        '修改本人密码（须输入当前密码；成功后其他设备上的会话全部结束，本会话换发新的会话与 CSRF 令牌）',
      tags: ['账号'],
      access: { roles: ALL_ROLES, room: 'self' },
      schema: { body: passwordChangeBody, response: { 200: passwordChangedSchema } },
      handler: async (req, reply) => {
        const r = await changePassword(db, {
          actor: req.actor!,
          input: req.body,
          now: clock(),
        });
        setSessionCookie(req, reply, r.sessionSecret, r.expiresAt);
        return {
          ok: true,
          csrfToken: r.csrfToken,
          expiresAt: r.expiresAt,
          otherSessionsEnded: r.otherSessionsEnded,
          apiTokensRevoked: false,
        };
      },
    }),
    route({
      method: 'POST',
      url: '/api/v1/admin/users',
      summary:
        '创建工作人员账号（受理、审核、核定、市级监督、管理员；初始密码由管理员设定，本人首次登录后须修改）——仅管理员',
      tags: ['管理'],
      access: { roles: ['admin'], room: 'city', scope: 'admin' },
      schema: {
        body: z
          .strictObject({
            username: z
              .string()
              .regex(/^[A-Za-z0-9_.-]{3,64}$/, { message: '用户名为 3–64 位字母、数字或 _.-' }),
            displayName: z.string().min(1).max(64),
            role: z.enum([
              'acceptance_clerk',
              'district_reviewer',
              'district_approver',
              'city_supervisor',
              'admin',
            ]),
            district: z.enum(DISTRICTS).optional(),
            password: newPasswordSchema,
          })
          .refine((b) => !DISTRICT_ROLES.some((r) => r === b.role) || b.district, {
            message: '区级工作人员须指定所属区',
            path: ['district'],
          })
          // Reported once: only when the password passes the rules that do not need the username.
          .refine(
            (b) => passwordProblem(b.password) !== undefined || !containsUsername(b.password, b.username),
            {
              message: '密码不能包含用户名',
              path: ['password'],
            },
          ),
        response: { 201: publicUserSchema },
      },
      handler: async (req, reply) => {
        const b = req.body;
        const user = await insertUser(db, {
          ...b,
          district: b.district ?? null,
          passwordHash: await hashPassword(b.password),
          // Chosen by the administrator, not by its owner: changed at the first login.
          passwordChangeRequired: true,
          now: clock(),
        });
        reply.status(201);
        return publicUser(user);
      },
    }),
    route({
      method: 'POST',
      url: '/api/v1/admin/tokens',
      summary: '为系统对接签发访问令牌（带权限范围；令牌只显示一次）——仅管理员',
      tags: ['管理'],
      access: { roles: ['admin'], room: 'city', scope: 'admin' },
      schema: {
        body: z.strictObject({
          userId: z.string().min(1),
          name: z.string().min(1).max(100),
          scopes: z.array(scopeSchema).min(1),
          expiresAt: z.iso.datetime().optional(),
        }),
        response: { 201: issuedTokenSchema },
      },
      handler: async (req, reply) => {
        const r = await issueApiToken(db, { ...req.body, issuer: req.actor!, now: clock() });
        reply.status(201);
        return r;
      },
    }),
    route({
      method: 'DELETE',
      url: '/api/v1/admin/tokens/:id',
      summary: '撤销访问令牌——仅管理员',
      tags: ['管理'],
      access: { roles: ['admin'], room: 'city', scope: 'admin' },
      schema: { params: tokenIdParams, response: { 200: okSchema } },
      handler: async (req) => {
        await revokeApiToken(db, req.params.id, clock());
        return { ok: true };
      },
    }),
  ];
}
