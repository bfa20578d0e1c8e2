import type { FastifyRequest } from 'fastify';

/** Query parameters whose values carry no personal data and help reading a log; every other value is masked. */
const SAFE_QUERY = new Set([
  'explain',
  'horizon',
  'limit',
  'offset',
  'state',
  'orderBy',
  'at',
  'date',
  'n',
  'kind',
]);
/** Path segments that are secrets or personal data: notice codes (a code opens a holder's masked summary). */
const SECRET_PATHS = [/^(\/api\/v1\/notices\/)[^/?]+/, /^(\/verify\/)[^/?]+/];

/**
 * A request URL fit for the log (docs/spec/workflow.md: personal data never logged, URLs
 * included): notice codes replaced by `:code`, query values other than a few
 * harmless ones (search terms `q`, names, ID numbers, phones) by `*`.
 */
export function redactUrl(url: string): string {
  const q = url.indexOf('?');
  let path = q === -1 ? url : url.slice(0, q);
  for (const re of SECRET_PATHS) path = path.replace(re, '$1:code');
  if (q === -1) return path;
  const params = new URLSearchParams(url.slice(q + 1));
  const shown = [...params].map(
    ([k, v]) => `${encodeURIComponent(k)}=${SAFE_QUERY.has(k) ? encodeURIComponent(v) : '*'}`,
  );
  return `${path}?${shown.join('&')}`;
}

/** pino serializer of a request: what fastify logs by default, with the URL redacted. */
export const requestSerializer = (req: FastifyRequest) => ({
  method: req.method,
  url: redactUrl(req.url),
  host: req.host,
  remoteAddress: req.ip,
  remotePort: req.socket?.remotePort,
});
