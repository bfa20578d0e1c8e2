import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import fastifyStatic from '@fastify/static';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';

/** Where `vite build` puts the web UI (web/vite.config.ts). */
export const WEB_DIST = new URL('../../web/dist/', import.meta.url).pathname;

/**
 * Serves the built web UI from the same origin as the API, so the session
 * cookie and the CSRF token work without CORS. Hashed assets are cached for a
 * year; index.html never is (a deploy is seen on the next page load). Any other
 * GET that asks for HTML and is not an API path gets index.html: the client
 * router owns those URLs.
 */
export async function installWebApp(app: FastifyInstance, root = WEB_DIST): Promise<boolean> {
  const indexFile = join(root, 'index.html');
  if (!existsSync(indexFile)) return false;
  const indexHtml = readFileSync(indexFile);
  await app.register(fastifyStatic, {
    root: join(root, 'assets'),
    prefix: '/assets/',
    immutable: true,
    maxAge: '365d',
    index: false,
    wildcard: true,
    // web/precompress.ts writes .br/.gz beside each asset at build time.
    preCompressed: true,
  });
  app.decorate('sendWebApp', (reply: FastifyReply) =>
    reply.status(200).type('text/html; charset=utf-8').header('cache-control', 'no-cache').send(indexHtml),
  );
  return true;
}

/** A browser navigation to a client-side route (not the API, not a file). */
export const wantsWebApp = (req: FastifyRequest): boolean =>
  req.method === 'GET' &&
  !req.url.startsWith('/api/') &&
  !/\.[a-z0-9]+$/i.test(req.url.split('?')[0]!) &&
  String(req.headers.accept ?? '').includes('text/html');

declare module 'fastify' {
  interface FastifyInstance {
    sendWebApp?: (reply: FastifyReply) => FastifyReply;
  }
}
