import { z } from 'zod';
import { JifenError } from '../shared/errors.js';

/**
 * Server settings from the environment, validated at start: a bad setting
 * stops the server with its name, instead of a surprise under load.
 */
export const configSchema = z.object({
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  HOST: z.string().min(1).default('127.0.0.1'),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  /** Largest accepted request body, bytes. A profile is a few KB; a batch is a file for the CLI. */
  JIFEN_BODY_LIMIT: z.coerce
    .number()
    .int()
    .min(1024)
    .max(10 * 1024 * 1024)
    .default(256 * 1024),
  /** Cookies need HTTPS in production; a local demo over http://localhost may turn it off. */
  JIFEN_COOKIE_SECURE: z.enum(['true', 'false', 'auto']).default('auto'),
  JIFEN_TRUST_PROXY: z.enum(['true', 'false']).default('false'),
  /** Seconds to let in-flight requests finish on SIGTERM before closing anyway. */
  JIFEN_SHUTDOWN_GRACE: z.coerce.number().int().min(0).max(600).default(20),
});

export type ServerConfig = z.output<typeof configSchema>;

export function loadServerConfig(env: NodeJS.ProcessEnv = process.env): ServerConfig {
  const parsed = configSchema.safeParse(env);
  if (parsed.success) return parsed.data;
  const issues = parsed.error.issues.map((i) => ({ path: String(i.path[0] ?? '?'), message: i.message }));
  throw new JifenError('validation_failed', `配置有误: ${issues.map((i) => i.path).join(', ')}`, issues);
}
