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
  /** `npm start` seeds the demo world into an empty database unless this is `false`. */
  JIFEN_SEED_DEMO: z.enum(['true', 'false']).default('true'),
  /**
   * Serve as if today were this Shanghai day (demo and training servers: the
   * demo world is dated). `real` forces the real clock. Unset: the real clock,
   * except on the demo world, which runs on its own day (src/start.ts).
   */
  JIFEN_TODAY: z
    .string()
    .regex(/^(\d{4}-\d{2}-\d{2}|real)$/, { message: '应为 YYYY-MM-DD 或 real' })
    .optional(),
  /** GET /metrics requires `Authorization: Bearer <this>`; unset, /metrics is off (404). */
  JIFEN_METRICS_TOKEN: z.string().min(16).optional(),
  /**
   * Requests per client address per minute of every throttle (src/http/throttles.ts), replacing the
   * defaults — for load tests and training rooms behind one NAT address. Per process: N servers allow N×.
   */
  JIFEN_THROTTLE_PER_MINUTE: z.coerce.number().int().min(1).max(10_000_000).optional(),
  /** Worker threads rendering PDFs and plans (default: the cores less one; 0 renders on the event loop). */
  JIFEN_RENDER_THREADS: z.coerce.number().int().min(0).max(64).optional(),
  /** The public address printed on documents (the 积分通知书's verification URL and QR code). */
  JIFEN_PUBLIC_URL: z
    .url({ protocol: /^https?$/, message: '应为 http(s) 地址' })
    .default('http://localhost:3000')
    .transform((u) => u.replace(/\/+$/, '')),
  /** Shared secret of the SMS gateway's signed delivery reports; without it the callback refuses every report. */
  JIFEN_SMS_CALLBACK_SECRET: z.string().min(16, { message: '签名密钥至少 16 个字符' }).optional(),
});

export type ServerConfig = z.output<typeof configSchema>;

export function loadServerConfig(env: NodeJS.ProcessEnv = process.env): ServerConfig {
  const parsed = configSchema.safeParse(env);
  if (parsed.success) return parsed.data;
  const issues = parsed.error.issues.map((i) => ({ path: String(i.path[0] ?? '?'), message: i.message }));
  throw new JifenError('validation_failed', `配置有误: ${issues.map((i) => i.path).join(', ')}`, issues);
}
