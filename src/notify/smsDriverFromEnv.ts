import { join } from 'node:path';
import { z } from 'zod';
import { JifenError } from '../shared/errors.js';
import { DevSmsDriver } from './DevSmsDriver.js';
import { HttpSmsDriver } from './HttpSmsDriver.js';
import type { SmsDriver } from './SmsDriver.js';

/** SMS settings from the environment, validated like the server's (a bad one stops the dispatcher with its name). */
export const smsConfigSchema = z
  .object({
    /** `dev` writes <data dir>/sms.jsonl; `http` posts to a gateway. */
    JIFEN_SMS_DRIVER: z.enum(['dev', 'http']).default('dev'),
    JIFEN_SMS_URL: z.url({ protocol: /^https?$/ }).optional(),
    JIFEN_SMS_SECRET: z.string().min(16, { message: '签名密钥至少 16 个字符' }).optional(),
    JIFEN_SMS_TIMEOUT_MS: z.coerce.number().int().min(100).max(60_000).default(5000),
    JIFEN_PUBLIC_URL: z.url({ protocol: /^https?$/ }).default('http://localhost:3000'),
    JIFEN_DATA_DIR: z.string().min(1).default('./data'),
  })
  .superRefine((c, ctx) => {
    if (c.JIFEN_SMS_DRIVER !== 'http') return;
    if (!c.JIFEN_SMS_URL)
      ctx.addIssue({ code: 'custom', path: ['JIFEN_SMS_URL'], message: 'http 短信通道须配置网关地址' });
    if (!c.JIFEN_SMS_SECRET)
      ctx.addIssue({ code: 'custom', path: ['JIFEN_SMS_SECRET'], message: 'http 短信通道须配置签名密钥' });
  });

export function smsDriverFromEnv(env: NodeJS.ProcessEnv = process.env): {
  driver: SmsDriver;
  describe: string;
} {
  const parsed = smsConfigSchema.safeParse(
    Object.fromEntries(Object.entries(env).filter(([, v]) => v !== '')),
  );
  if (!parsed.success) {
    const issues = parsed.error.issues.map((i) => ({ path: String(i.path[0] ?? '?'), message: i.message }));
    throw new JifenError(
      'validation_failed',
      `短信配置有误: ${issues.map((i) => i.path).join(', ')}`,
      issues,
    );
  }
  const c = parsed.data;
  if (c.JIFEN_SMS_DRIVER === 'http')
    return {
      driver: new HttpSmsDriver({
        url: c.JIFEN_SMS_URL!,
        secret: c.JIFEN_SMS_SECRET!,
        timeoutMs: c.JIFEN_SMS_TIMEOUT_MS,
        callbackUrl: `${c.JIFEN_PUBLIC_URL.replace(/\/+$/, '')}/api/v1/sms/delivery-reports`,
      }),
      describe: `短信网关 ${new URL(c.JIFEN_SMS_URL!).host}`,
    };
  const file = join(c.JIFEN_DATA_DIR, 'sms.jsonl');
  return { driver: new DevSmsDriver(file), describe: file };
}
