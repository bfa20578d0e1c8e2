import { Writable } from 'node:stream';
import type { FastifyInstance } from 'fastify';
import type { Kysely } from 'kysely';
import type { Database } from '../../storage/schema.js';
import { buildServer } from '../buildServer.js';
import { loadServerConfig } from '../config.js';
import type { ThrottleName } from '../throttles.js';

export interface TestServer {
  app: FastifyInstance;
  url: string;
  /** Everything the server logged, for "never logs personal data" assertions. */
  logs: () => string;
  close: () => Promise<void>;
}

/** A real server on a random loopback port, logging into memory. */
export async function startTestServer(
  opts: {
    db?: Kysely<Database>;
    clock?: () => string;
    loginPerMinute?: number;
    throttles?: Partial<Record<ThrottleName, number>>;
    renderThreads?: number;
    /** Extra server settings (e.g. JIFEN_PUBLIC_URL, JIFEN_SMS_CALLBACK_SECRET). */
    env?: Record<string, string>;
  } = {},
): Promise<TestServer> {
  let logs = '';
  const stream = new Writable({
    write(chunk, _enc, cb) {
      logs += chunk.toString();
      cb();
    },
  });
  const { env, ...deps } = opts;
  const app = await buildServer({
    config: loadServerConfig({ LOG_LEVEL: 'info', JIFEN_COOKIE_SECURE: 'false', ...env }),
    logger: { level: 'info', stream },
    ...deps,
  });
  const url = await app.listen({ port: 0, host: '127.0.0.1' });
  return { app, url, logs: () => logs, close: () => app.close() };
}

/** A tiny HTTP client that keeps cookies (one browser). */
export class Browser {
  cookies = new Map<string, string>();
  csrf?: string;

  constructor(private readonly base: string) {}

  async req(method: string, path: string, body?: unknown, headers: Record<string, string> = {}) {
    const h: Record<string, string> = { ...headers };
    if (body !== undefined) h['content-type'] = 'application/json';
    if (this.cookies.size) h.cookie = [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; ');
    if (this.csrf && method !== 'GET' && !('x-csrf-token' in h)) h['x-csrf-token'] = this.csrf;
    const res = await fetch(this.base + path, {
      method,
      headers: h,
      body: body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body),
    });
    for (const c of res.headers.getSetCookie()) {
      const [pair] = c.split(';');
      const [k, v] = pair!.split('=');
      if (v) this.cookies.set(k!, v);
      else this.cookies.delete(k!);
    }
    const text = await res.text();
    let json: unknown;
    try {
      json = JSON.parse(text);
    } catch {
      json = undefined;
    }
    return {
      status: res.status,
      headers: res.headers,
      json: json as Record<string, unknown> & { errors?: { path: string }[] },
      text,
    };
  }

  async login(username: string, password: string) {
    const r = await this.req('POST', '/api/v1/auth/login', { username, password });
    if (r.status === 200) this.csrf = r.json.csrfToken as string;
    return r;
  }
}
