import { z } from 'zod';

/** A signed-in user as the API shows them (never a password hash or a secret). */
export const publicUserSchema = z
  .object({
    id: z.string(),
    username: z.string(),
    displayName: z.string(),
    role: z.string(),
    district: z.string().nullable(),
    unitId: z.string().nullable(),
    holderId: z.string().nullable(),
    /** The password was set by someone else: the web UI sends the user to the change page first. */
    passwordChangeRequired: z.boolean(),
  })
  .meta({ id: 'User', description: '登录用户' });

export const loginResultSchema = z.object({
  user: publicUserSchema,
  csrfToken: z.string(),
  expiresAt: z.string(),
});

export const sessionSchema = z.object({
  user: publicUserSchema,
  via: z.string().optional(),
  csrfToken: z.string().optional(),
  expiresAt: z.string().optional(),
});

export const logoutAllSchema = z.object({
  ok: z.boolean(),
  sessionsEnded: z.number().int(),
  apiTokensRevoked: z.boolean().describe('始终为 false：访问令牌须由管理员撤销'),
});

export const passwordChangedSchema = z.object({
  ok: z.boolean(),
  csrfToken: z.string(),
  expiresAt: z.string(),
  otherSessionsEnded: z.number().int(),
  apiTokensRevoked: z.boolean().describe('始终为 false：访问令牌须由管理员撤销'),
});

/** An integration token: shown once. */
export const issuedTokenSchema = z.object({ id: z.string(), token: z.string() });

export type PublicUser = z.infer<typeof publicUserSchema>;
export type Session = z.infer<typeof sessionSchema>;
